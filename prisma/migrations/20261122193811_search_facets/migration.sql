-- CreateTable
CREATE TABLE "clipping_outlets" (
    "skeleton" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "clipping_outlets_pkey" PRIMARY KEY ("skeleton")
);

-- Search at scale. A search should read its answer from the indexes, not from the table's rows:
--
-- 1. Facets in both search vectors: the month and year of publication, the tone, the medium, an
--    open reply and the outlet, as terms that no text can produce (they contain a space). A filter,
--    or a window of months searched newest first, then intersects inside the GIN index scan instead
--    of being checked row by row.
-- 2. The skeleton vector holds the prefixes of each word (3 to 12 letters), so that a query's stems
--    are exact terms. A prefix query (theatr:*) cannot use GIN's fast intersection: it gathers every
--    posting list it matches, about twenty times slower on 100,000 clippings.
-- 3. The outlets the register has seen, kept by triggers, to which the outlet filter resolves what
--    was typed (kathimerini) before searching: a few exact terms instead of a similarity per row.

CREATE OR REPLACE FUNCTION public.grafeio_clipping_facets(
  published_on date, tone "Tone", medium "Medium", reply_open boolean, outlet text
) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT array_to_tsvector(ARRAY[
    '~ y' || to_char(published_on, 'YYYY'),
    '~ m' || to_char(published_on, 'YYYY-MM'),
    '~ t' || tone::text,
    '~ k' || medium::text,
    '~ o' || public.grafeio_phonetic(coalesce(outlet, ''))
  ] || CASE WHEN reply_open THEN ARRAY['~ reply'] ELSE '{}'::text[] END)
  $$;

-- Each word of a skeleton with its prefixes: «αμαρουσίου» → amarusiu, ama, amar, amaru, amarus, amarusi.
CREATE OR REPLACE FUNCTION public.grafeio_word_prefixes(skeleton text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(w, k))), ''::tsvector)
  FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', skeleton))) AS w,
       generate_series(least(3, length(w)), least(12, length(w))) AS k
  $$;

-- What a query's words look for in the skeleton vector: every word, each cut to a stem (Greek
-- endings vary with the case: the last two letters go, down to four) that is one of the stored
-- prefixes. "dimarxos amarousiou" → 'dimarx' & 'amarusi'. NULL when no word is left.
CREATE OR REPLACE FUNCTION public.grafeio_stem_query(words text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT string_agg(
    DISTINCT quote_literal(CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END),
    ' & ')::tsquery
  FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(words)))) AS w
  $$;

-- Both vectors again, now with the facets; one ALTER, so the table is rewritten once.
ALTER TABLE "clippings"
  DROP COLUMN "search_fts",
  DROP COLUMN "search_phonetic",
  ADD COLUMN "search_fts" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("title", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("title", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("outlet", '') || ' ' || coalesce("topic_names", ''))), 'B')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("outlet", '') || ' ' || coalesce("topic_names", ''))), 'B')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("summary", ''))), 'C')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("summary", ''))), 'C')
 || public.grafeio_clipping_facets("published_on", "tone", "medium", "needs_reply" AND "reply_closed_at" IS NULL, "outlet")
  ) STORED,
  ADD COLUMN "search_phonetic" tsvector GENERATED ALWAYS AS (
    public.grafeio_word_prefixes(public.grafeio_phonetic(
      coalesce("title", '') || ' ' || coalesce("outlet", '') || ' ' || coalesce("topic_names", '') || ' ' || coalesce("summary", '')))
 || public.grafeio_clipping_facets("published_on", "tone", "medium", "needs_reply" AND "reply_closed_at" IS NULL, "outlet")
  ) STORED;

-- fastupdate off: a register takes a few dozen clippings a day, and without autovacuum (PGlite has
-- none) GIN's pending list would be read through by every search.
CREATE INDEX "clippings_search_fts_idx" ON "clippings" USING GIN ("search_fts") WITH (fastupdate = off);
CREATE INDEX "clippings_search_phonetic_idx" ON "clippings" USING GIN ("search_phonetic") WITH (fastupdate = off);

INSERT INTO "clipping_outlets" ("skeleton", "name")
  SELECT DISTINCT ON ("outlet_skeleton") "outlet_skeleton", "outlet" FROM "clippings" ORDER BY "outlet_skeleton", "id";
CREATE INDEX "clipping_outlets_skeleton_trgm_idx" ON "clipping_outlets" USING GIN ("skeleton" gin_trgm_ops);

-- The outlet filter as a tsquery of outlet facets: every outlet seen whose skeleton is close to
-- what was typed (word_similarity ≥ 0.6: "kathimerini" is «Η Καθημερινή» and "Ekathimerini"), or a
-- term no clipping has when none is. Quotes and backslashes are escaped for the tsquery syntax.
CREATE OR REPLACE FUNCTION public.grafeio_outlet_query(outlet text) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE STRICT
  AS $$
  SELECT coalesce(
    string_agg('''' || replace(replace('~ o' || skeleton, '\', '\\'), '''', '''''') || '''', ' | '),
    '''~ no outlet''')::tsquery
  FROM "clipping_outlets" WHERE public.grafeio_phonetic(outlet) <% skeleton
  $$;

CREATE OR REPLACE FUNCTION public.grafeio_remember_outlets() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO "clipping_outlets" ("skeleton", "name")
      SELECT DISTINCT ON ("outlet_skeleton") "outlet_skeleton", "outlet" FROM new_rows ORDER BY "outlet_skeleton", "id"
      ON CONFLICT ("skeleton") DO NOTHING;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER "clippings_remember_outlets_inserted" AFTER INSERT ON "clippings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.grafeio_remember_outlets();
CREATE TRIGGER "clippings_remember_outlets_updated" AFTER UPDATE ON "clippings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.grafeio_remember_outlets();
