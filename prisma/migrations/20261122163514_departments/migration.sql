-- CreateTable
CREATE TABLE "departments" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "channel_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clipping_departments" (
    "clipping_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,

    CONSTRAINT "clipping_departments_pkey" PRIMARY KEY ("clipping_id","department_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "departments_slug_key" ON "departments"("slug");

-- AddForeignKey
ALTER TABLE "clipping_departments" ADD CONSTRAINT "clipping_departments_clipping_id_fkey" FOREIGN KEY ("clipping_id") REFERENCES "clippings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clipping_departments" ADD CONSTRAINT "clipping_departments_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The services an office starts with; admins add their own and give them channels.
INSERT INTO "departments" ("slug", "name_el", "name_en") VALUES
  ('technical-services', 'Τεχνικές Υπηρεσίες', 'Technical Services'),
  ('cleaning', 'Καθαριότητα και Ανακύκλωση', 'Cleaning and Recycling'),
  ('culture', 'Πολιτισμός', 'Culture'),
  ('social-services', 'Κοινωνική Πολιτική', 'Social Services'),
  ('green', 'Πρασίνου', 'Parks and Green Spaces'),
  ('municipal-police', 'Δημοτική Αστυνομία', 'Municipal Police'),
  ('finance', 'Οικονομικές Υπηρεσίες', 'Finance'),
  ('education', 'Παιδείας', 'Education'),
  ('civil-protection', 'Πολιτικής Προστασίας', 'Civil Protection')
ON CONFLICT ("slug") DO NOTHING;
