-- "Seen today" (the count on every item view, twice per claim and decision) counts the distinct items a
-- reviewer claimed or revealed since midnight. The (actor, at) index also held every other action, whose
-- rows the count fetched from the table only to discard them; this one holds only claims and reveals, with
-- the item, so the count reads the index alone once vacuum has marked the pages all-visible. With 1,000
-- items seen by one reviewer in a day: 4.5 ms before, 1.7 ms after (0.5 ms once vacuumed).
DROP INDEX review_action_by_actor;
CREATE INDEX review_action_seen_by_actor ON review_action (actor, at) INCLUDE (item_id) WHERE action IN ('CLAIM', 'REVEAL');
