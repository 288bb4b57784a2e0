-- What admins record about an MP beyond the name: where they sit and the languages they are addressed in.
ALTER TABLE mp ADD COLUMN constituency text;
ALTER TABLE mp ADD COLUMN parliamentary_group text;
ALTER TABLE mp ADD COLUMN languages text[] NOT NULL DEFAULT '{}';
