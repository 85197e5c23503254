package org.hlf.mentor.sync.alert;

/** Portal writes of every replica in the alert window: all of them, those that failed, and those refused for good. */
public record WindowStats(long writes, long failures, long rejections) {

    public double failureRatio() {
        return writes == 0 ? 0 : (double) failures / writes;
    }
}
