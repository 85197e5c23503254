package org.hlf.mentor.pause.status;

import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.events.MentorStatus;

/**
 * What an accepted trigger does.
 *
 * @param target       the status afterwards
 * @param opensPause   a pause record is opened
 * @param closesPause  the open pause record is closed
 * @param notification the coordinators' notification, null when nothing happened
 */
public record Outcome(MentorStatus target, boolean opensPause, boolean closesPause,
        CoordinatorNotification.Kind notification) {

    /** Whether anything changes at all (an expiry of an expired mentor is a no-op). */
    public boolean changesAnything() {
        return notification != null;
    }
}
