-- Greeklish writes ει, οι, αι as ei, oi, ai: «plateia» is πλατεία, «oikonomia» οικονομία. The
-- skeleton now reads those Latin pairs as the Greek ones, so both spellings give the same skeleton.
CREATE OR REPLACE FUNCTION public.grafeio_phonetic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      -- A diaeresis (ϋ, ΰ, ϊ, ΐ) means the vowel is said on its own, not as part of a digraph:
      -- «προϋπολογισμός» is proipologismos, not prupologismos. The vowel becomes a Latin letter,
      -- which no Greek digraph rule below can join to the vowel before it.
      lower(public.grafeio_unaccent(translate(lower(input), 'ϋΰϊΐ', 'yyii'))),
      'th', 'θ'), 'ch', 'χ'), 'ps', 'ψ'), 'ks', 'ξ'), 'ph', 'φ'), 'ou', 'ου'), 'mp', 'μπ'), 'nt', 'ντ'),
      'ai', 'αι'), 'ei', 'ει'), 'oi', 'οι'),
      'ου', 'u'), 'αι', 'e'), 'ει', 'i'), 'οι', 'i'), 'υι', 'i'), 'μπ', 'v'), 'ντ', 'd'), 'γκ', 'g'),
      'γγ', 'g'), 'τσ', 'ts'), 'τζ', 'tz'), 'θ', 'th'), 'ξ', 'ks'), 'ψ', 'ps'), 'χ', 'x'), 'b', 'v'),
    'αβγδεζηικλμνοπρστυφωςhjcqwy',
    'avgdeziiklmnoprstifosxzkkoi'
  )
  $$;

-- Stored columns and expression indexes keep what the old function computed: build them again.
ALTER TABLE "clippings" DROP COLUMN "search_phonetic";
ALTER TABLE "clippings" ADD COLUMN "search_phonetic" tsvector GENERATED ALWAYS AS (
  to_tsvector('pg_catalog.simple', public.grafeio_phonetic(
    coalesce("title", '') || ' ' || coalesce("outlet", '') || ' ' || coalesce("topic_names", '') || ' ' || coalesce("summary", '')))
) STORED;
CREATE INDEX "clippings_search_phonetic_idx" ON "clippings" USING GIN ("search_phonetic");
REINDEX INDEX "clippings_title_trgm_idx";
-- The outlet filter compares skeletons; stored, the skeleton is not recomputed for every row the
-- filter looks at (the function is 27 nested replaces).
DROP INDEX "clippings_outlet_trgm_idx";
ALTER TABLE "clippings" ADD COLUMN "outlet_skeleton" TEXT GENERATED ALWAYS AS (public.grafeio_phonetic("outlet")) STORED;
CREATE INDEX "clippings_outlet_trgm_idx" ON "clippings" USING GIN ("outlet_skeleton" gin_trgm_ops);

ALTER TABLE "contacts" DROP COLUMN "search_skeleton";
ALTER TABLE "contacts" ADD COLUMN "search_skeleton" TEXT GENERATED ALWAYS AS (
  public.grafeio_phonetic(
    coalesce("name_el", '') || ' ' || coalesce("name_latin", '') || ' ' || coalesce("title", '') || ' ' ||
    coalesce("organisation", '') || ' ' || coalesce("email", ''))
) STORED;
CREATE INDEX "contacts_search_skeleton_trgm_idx" ON "contacts" USING GIN ("search_skeleton" gin_trgm_ops);
