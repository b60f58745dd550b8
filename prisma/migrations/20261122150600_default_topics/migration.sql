-- The topics an office starts with; it can add its own. Re-running changes nothing.
INSERT INTO "topics" ("slug", "name_el", "name_en") VALUES
  ('cleaning', 'Καθαριότητα', 'Cleaning'),
  ('public-works', 'Τεχνικά έργα', 'Public works'),
  ('culture', 'Πολιτισμός', 'Culture'),
  ('sport', 'Αθλητισμός', 'Sport'),
  ('social-policy', 'Κοινωνική πολιτική', 'Social policy'),
  ('education', 'Παιδεία', 'Education'),
  ('environment', 'Περιβάλλον και πράσινο', 'Environment and green spaces'),
  ('traffic', 'Κυκλοφορία και στάθμευση', 'Traffic and parking'),
  ('civil-protection', 'Πολιτική προστασία', 'Civil protection'),
  ('finance', 'Οικονομικά', 'Finance'),
  ('council', 'Δημοτικό συμβούλιο', 'Municipal council'),
  ('international', 'Διεθνείς σχέσεις', 'International relations'),
  ('health', 'Υγεία', 'Health'),
  ('tourism', 'Τουρισμός', 'Tourism'),
  ('digital', 'Ψηφιακές υπηρεσίες', 'Digital services')
ON CONFLICT ("slug") DO NOTHING;
