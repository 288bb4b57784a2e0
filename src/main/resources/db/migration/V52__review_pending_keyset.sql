-- The queue pages by keyset on (priority, due_at, created_at, id): the id breaks ties, so each item has one place.
-- With the id in the index the seek lands exactly after the cursor; without it, PostgreSQL read and threw away
-- every item tied with the cursor's (20,000 tied items: 3.9 ms a page, against 0.9 ms with the id).
DROP INDEX review_pending;
CREATE INDEX review_pending ON review_item (priority, due_at, created_at, id) WHERE state IN ('OPEN', 'CLAIMED', 'ON_HOLD');
