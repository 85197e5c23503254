-- The roster read (GET /api/v1/mentors?chapterId=) pages a chapter by mentor id: WHERE chapter_id = ? AND id > ?
-- ORDER BY id LIMIT n walks this index in order and stops after n rows. peer_mentor_chapter_status has status
-- between chapter and id, so it would read and sort the whole chapter. Without a chapter the primary key serves.
CREATE INDEX peer_mentor_chapter_mentor ON peer_mentor (chapter_id, id);
