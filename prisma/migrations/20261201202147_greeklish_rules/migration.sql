-- CreateTable
CREATE TABLE "search_synonyms" (
    "id" SERIAL NOT NULL,
    "term" TEXT NOT NULL,
    "synonym" TEXT NOT NULL,
    "created_by" TEXT NOT NULL DEFAULT 'migration',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_synonyms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "search_synonyms_term_synonym_key" ON "search_synonyms"("term", "synonym");

-- A few place names the office searches as one; the office adds its own (`/grafeio synonyms`).
INSERT INTO "search_synonyms" ("term", "synonym") VALUES
  ('Μαρούσι', 'Αμαρούσιο'),
  ('Αθήνα', 'Αθήναι'),
  ('Αθήνα', 'Athens'),
  ('Πειραιάς', 'Πειραιεύς'),
  ('Πειραιάς', 'Piraeus'),
  ('Κηφισιά', 'Κηφισσιά'),
  ('Χαλάνδρι', 'Χαλάνδριον'),
  ('Ηράκλειο', 'Ηράκλειον'),
  ('Θεσσαλονίκη', 'Σαλονίκη');

-- Greeklish, one set of rules for names and for search (issue 17). The same steps, in the same
-- order, as greeklishSkeleton() in src/lib/greeklish.ts, which says why each is there;
-- test/lib/greeklish-sql.test.ts compares the two on the same words. What changes: αυ ευ are
-- av/af ev/ef (Pavlos, Evangelia, euro), ng gg gk are γγ γκ (Angeliki), y before a vowel is γι
-- (Yiannis, Panayiotis), doubled letters are one (Vassilis), h is η or χ (dhmarxos, Hlias,
-- Mihalis), 8 is θ (8eatro), mb is μπ (Charalambos), nd is ντ, ks and x are ξ and χ alike.
-- PL/pgSQL: one assignment a step, read against the TypeScript line by line; a regular expression
-- only where its letters are there (they cost most of the time: Greek text has no h, y or 8).
CREATE OR REPLACE FUNCTION public.grafeio_phonetic(input text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
DECLARE
  s text;
BEGIN
  -- 1. A diaeresis keeps the vowel apart: Greek ϊ ΐ ϋ ΰ become Latin i, Latin ï ü Greek ι υ.
  s := lower(input);
  IF s ~ '[ϊΐϋΰïü]' THEN
    s := translate(s, 'ϊΐϋΰïü', 'iiiiιυ');
  END IF;
  -- 2. Accents off.
  s := lower(public.grafeio_unaccent(s));
  -- 3. 8 for θ.
  IF strpos(s, '8') > 0 THEN
    s := regexp_replace(s, '(^|[^0-9])8(?=[a-su-z])', '\1θ', 'g');
  END IF;
  -- 4. Latin pairs as the Greek letters they stand for.
  s := replace(s, 'th', 'θ');
  s := replace(s, 'ch', 'χ');
  s := replace(s, 'kh', 'χ');
  s := replace(s, 'ph', 'φ');
  s := replace(s, 'ks', 'ξ');
  IF strpos(s, 'h') > 0 THEN
    s := regexp_replace(s, 'h(?=[aeiouyr])', 'χ', 'g');
    s := replace(s, 'h', 'η');
  END IF;
  IF strpos(s, 'y') > 0 THEN
    s := regexp_replace(s, 'yi(?=[aeiouy])', 'γι', 'g');
    s := regexp_replace(s, '(^|[^α-ωa-z]|[aeiou])y(?=[aeou])', '\1γι', 'g');
    s := regexp_replace(s, 'ay(?![aeiouy])', 'αυ', 'g');
    s := regexp_replace(s, 'ey(?![aeiouy])', 'ευ', 'g');
  END IF;
  s := replace(s, 'au', 'αυ');
  s := replace(s, 'eu', 'ευ');
  s := replace(s, 'ou', 'ου');
  s := replace(s, 'ai', 'αι');
  s := replace(s, 'ei', 'ει');
  s := replace(s, 'oi', 'οι');
  -- 5. αυ ευ ηυ: f before a voiceless consonant or at the end, v otherwise.
  IF strpos(s, 'αυ') > 0 OR strpos(s, 'ευ') > 0 OR strpos(s, 'ηυ') > 0 THEN
    s := regexp_replace(s, '([αεη])υ(?=[θκξπσςτφχψkxpstfcq]|$|[^α-ωa-z])', '\1f', 'g');
    s := regexp_replace(s, '([αεη])υ', '\1v', 'g');
  END IF;
  -- 6. Sounds written in several ways.
  s := replace(s, 'ου', 'u');
  s := replace(s, 'αι', 'e');
  s := replace(s, 'ει', 'i');
  s := replace(s, 'οι', 'i');
  s := replace(s, 'υι', 'i');
  s := replace(replace(replace(replace(replace(s, 'μπ', 'v'), 'μβ', 'v'), 'mp', 'v'), 'mb', 'v'), 'mv', 'v');
  s := replace(replace(replace(replace(s, 'ντ', 'd'), 'νδ', 'd'), 'nt', 'd'), 'nd', 'd');
  s := replace(replace(replace(replace(replace(s, 'γγ', 'g'), 'γκ', 'g'), 'gg', 'g'), 'gk', 'g'), 'ng', 'g');
  s := replace(replace(s, 'ξ', 'x'), 'χ', 'x');
  s := replace(s, 'θ', 'th');
  s := replace(s, 'ψ', 'ps');
  -- 7. Letter by letter.
  s := translate(s, 'αβγδεζηικλμνοπρστυφωςbcjqwy', 'avgdeziiklmnoprstifosvkzkoi');
  -- 8. A doubled letter is one.
  IF s ~ '([a-z])\1' THEN
    s := regexp_replace(s, '([a-z])\1+', '\1', 'g');
  END IF;
  RETURN s;
END
$$;

-- The stems a query's skeleton word looks for, as a tsquery's alternatives: the word cut as
-- before (the last two letters go, down to four), and, for a short word of the -ος/-ου/-ο kind,
-- its other case, whose stem the cut does not reach: "dimos" → 'dimo' | 'dimu' (δήμος, δήμο,
-- δήμου), "dimou" → 'dimu' | 'dimo'.
CREATE OR REPLACE FUNCTION public.grafeio_word_stems(w text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT CASE
    WHEN length(w) <= 5 AND w ~ '^[a-z]{3,}(os|o|u|on|us)$' THEN
      quote_literal(substring(w FROM '^([a-z]{3,}?)(os|o|u|on|us)$') || 'o') || ' | ' ||
      quote_literal(substring(w FROM '^([a-z]{3,}?)(os|o|u|on|us)$') || 'u')
    ELSE quote_literal(CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END)
  END
  $$;

-- Every word of the query, each as its stems (grafeio_word_stems). NULL when no word is left.
CREATE OR REPLACE FUNCTION public.grafeio_stem_query(words text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT string_agg(DISTINCT '(' || public.grafeio_word_stems(w) || ')', ' & ')::tsquery
  FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(words)))) AS w
  $$;

-- As in the latin_word_query migration, each word's stems now through grafeio_word_stems; and a
-- word with Latin oi, ai or ei is also read with those vowels apart, as skeletonReadings() reads
-- it for names: "zoi" finds «Ζωή» (zoi) as well as «ζοι» (zi), "maiou" «Μαΐου».
CREATE OR REPLACE FUNCTION public.grafeio_latin_query(words text) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
BEGIN
  RETURN (
  WITH tokens AS (
    SELECT t, ts_lexize('pg_catalog.english_stem', t) AS english
    FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', lower(public.grafeio_unaccent(words))))) AS t
  ), per_token AS (
    SELECT
      (SELECT array_agg(DISTINCT '(' || public.grafeio_word_stems(w) || ')')
         FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(tk.t)))) AS w) AS stems,
      CASE WHEN tk.t ~ '[aeo]i' THEN
        (SELECT array_agg(DISTINCT '(' || public.grafeio_word_stems(w) || ')')
           FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple',
             public.grafeio_phonetic(regexp_replace(tk.t, '([aeo])i', '\1ï', 'g'))))) AS w)
      END AS apart,
      (SELECT array_agg(DISTINCT CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END)
         FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(tk.t)))) AS w) AS cut,
      (SELECT CASE WHEN count(*) = 1 AND length(min(p)) >= 3 THEN left(min(p), 12) END
         FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(tk.english[1]))))
           AS p) AS term
    FROM tokens tk
    -- English stop words say nothing, as in English's own stemmer.
    WHERE tk.english IS NULL OR cardinality(tk.english) > 0
  ), readings AS (
    SELECT cut, term,
      CASE WHEN apart IS NULL OR apart = stems THEN array_to_string(stems, ' & ')
        ELSE '(' || array_to_string(stems, ' & ') || ') | (' || array_to_string(apart, ' & ') || ')'
      END AS own
    FROM per_token WHERE stems IS NOT NULL
  )
  -- A term that begins with the stem finds nothing the stem does not: left out, as it costs the scan.
  SELECT coalesce(
    string_agg(DISTINCT
      CASE WHEN term IS NULL OR (cardinality(cut) = 1 AND starts_with(term, cut[1]))
        THEN '(' || own || ')'
        ELSE '((' || own || ') | ' || quote_literal(term) || ')'
      END, ' & ')::tsquery,
    public.grafeio_stem_query(words))  -- nothing but stop words: all of them
  FROM readings);
END
$$;

-- The stored skeletons were computed by the old function: computed again. An UPDATE that sets a
-- column a generated column reads recomputes it (and keeps the indexes, updated row by row); the
-- outlets' table is emptied first and filled again by its trigger from the updated rows.
DELETE FROM "clipping_outlets";
UPDATE "clippings" SET "outlet" = "outlet";
UPDATE "contacts" SET "name_el" = "name_el";
UPDATE "letters" SET "subject" = "subject";
-- An expression index keeps the values of the function it was built with.
REINDEX INDEX "clippings_title_trgm_idx";
