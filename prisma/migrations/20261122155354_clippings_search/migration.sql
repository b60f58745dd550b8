-- Search of the press-clippings register: Greek and English stemming without accents, plus a
-- spelling-free "skeleton" of each word so that Greeklish (dimarxos marousiou), missing accents and
-- common misspellings reach the Greek text; trigrams for outlet names and typos.
-- The same SQL runs on PGlite and PostgreSQL (both ship unaccent and pg_trgm).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; generated columns and index expressions need IMMUTABLE.
CREATE OR REPLACE FUNCTION public.grafeio_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;

-- Greek or Greeklish text to one Latin skeleton: Greeklish digraphs are first read as the Greek
-- letters they stand for, then Greek sounds that are written in several ways fold together
-- (η ι υ ει οι → i, ο ω → o, αι ε → e, ου → u, μπ β → v, ντ δ → d, γκ γγ γ → g).
-- Example: «Δήμαρχος Αμαρουσίου» and "dimarxos amarousiou" both give "dimarxos amarusiu";
-- «προϋπολογισμός» and "proypologismos" both give "proipologismos".
CREATE OR REPLACE FUNCTION public.grafeio_phonetic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
      -- A diaeresis (ϋ, ΰ, ϊ, ΐ) means the vowel is said on its own, not as part of a digraph:
      -- «προϋπολογισμός» is proipologismos, not prupologismos. The vowel becomes a Latin letter,
      -- which no Greek digraph rule below can join to the vowel before it.
      lower(public.grafeio_unaccent(translate(lower(input), 'ϋΰϊΐ', 'yyii'))),
      'th', 'θ'), 'ch', 'χ'), 'ps', 'ψ'), 'ks', 'ξ'), 'ph', 'φ'), 'ou', 'ου'), 'mp', 'μπ'), 'nt', 'ντ'),
      'ου', 'u'), 'αι', 'e'), 'ει', 'i'), 'οι', 'i'), 'υι', 'i'), 'μπ', 'v'), 'ντ', 'd'), 'γκ', 'g'),
      'γγ', 'g'), 'τσ', 'ts'), 'τζ', 'tz'), 'θ', 'th'), 'ξ', 'ks'), 'ψ', 'ps'), 'χ', 'x'), 'b', 'v'),
    'αβγδεζηικλμνοπρστυφωςhjcqwy',
    'avgdeziiklmnoprstifosxzkkoi'
  )
  $$;

-- The topics' names are kept on the clipping so that the generated columns can index them.
ALTER TABLE "clippings" ADD COLUMN "topic_names" TEXT NOT NULL DEFAULT '';

-- The stored search columns, computed by the database on every insert and update.
ALTER TABLE "clippings" ADD COLUMN "search_fts" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("title", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("title", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("outlet", '') || ' ' || coalesce("topic_names", ''))), 'B')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("outlet", '') || ' ' || coalesce("topic_names", ''))), 'B')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("summary", ''))), 'C')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("summary", ''))), 'C')
) STORED;
ALTER TABLE "clippings" ADD COLUMN "search_phonetic" tsvector GENERATED ALWAYS AS (
  to_tsvector('pg_catalog.simple', public.grafeio_phonetic(
    coalesce("title", '') || ' ' || coalesce("outlet", '') || ' ' || coalesce("topic_names", '') || ' ' || coalesce("summary", '')))
) STORED;

CREATE INDEX "clippings_search_fts_idx" ON "clippings" USING GIN ("search_fts");
CREATE INDEX "clippings_search_phonetic_idx" ON "clippings" USING GIN ("search_phonetic");
-- Typos: trigram similarity on the skeleton of the title and outlet.
CREATE INDEX "clippings_title_trgm_idx" ON "clippings" USING GIN (public.grafeio_phonetic("title" || ' ' || "outlet") gin_trgm_ops);
-- The outlet filter: outlet names as written differently (kathimerini, Η Καθημερινή).
CREATE INDEX "clippings_outlet_trgm_idx" ON "clippings" USING GIN (public.grafeio_phonetic("outlet") gin_trgm_ops);
CREATE INDEX "clippings_register_idx" ON "clippings" ("register_year" DESC, "register_seq" DESC);
