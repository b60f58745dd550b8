-- The current definition of every grafeio_* SQL function, as a migrated database reports it
-- (pg_get_functiondef). Written by `npm run db:functions`; not a migration, never applied.
-- To change a function, add a migration that redefines it, then run that command again.

CREATE OR REPLACE FUNCTION public.grafeio_clipping_facets(published_on date, tone "Tone", medium "Medium", reply_open boolean, outlet text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT array_to_tsvector(ARRAY[
    '~ y' || to_char(published_on, 'YYYY'),
    '~ m' || to_char(published_on, 'YYYY-MM'),
    '~ t' || tone::text,
    '~ k' || medium::text,
    '~ o' || public.grafeio_phonetic(coalesce(outlet, ''))
  ] || CASE WHEN reply_open THEN ARRAY['~ reply'] ELSE '{}'::text[] END)
  $function$;

CREATE OR REPLACE FUNCTION public.grafeio_latin_query(words text)
 RETURNS tsquery
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.grafeio_outlet_query(outlet text)
 RETURNS tsquery
 LANGUAGE sql
 STABLE PARALLEL SAFE STRICT
AS $function$
  SELECT coalesce(
    string_agg('''' || replace(replace('~ o' || skeleton, '\', '\\'), '''', '''''') || '''', ' | '),
    '''~ no outlet''')::tsquery
  FROM "clipping_outlets" WHERE public.grafeio_phonetic(outlet) <% skeleton
  $function$;

CREATE OR REPLACE FUNCTION public.grafeio_phonetic(input text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.grafeio_remember_outlets()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
  BEGIN
    INSERT INTO "clipping_outlets" ("skeleton", "name")
      SELECT DISTINCT ON ("outlet_skeleton") "outlet_skeleton", "outlet" FROM new_rows ORDER BY "outlet_skeleton", "id"
      ON CONFLICT ("skeleton") DO NOTHING;
    RETURN NULL;
  END
  $function$;

CREATE OR REPLACE FUNCTION public.grafeio_stem_query(words text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  SELECT string_agg(DISTINCT '(' || public.grafeio_word_stems(w) || ')', ' & ')::tsquery
  FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(words)))) AS w
  $function$;

CREATE OR REPLACE FUNCTION public.grafeio_unaccent(input text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $function$;

CREATE OR REPLACE FUNCTION public.grafeio_word_prefixes(skeleton text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(w, k))), ''::tsvector)
  FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', skeleton))) AS w,
       generate_series(least(3, length(w)), least(12, length(w))) AS k
  $function$;

CREATE OR REPLACE FUNCTION public.grafeio_word_stems(w text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  SELECT CASE
    WHEN length(w) <= 5 AND w ~ '^[a-z]{3,}(os|o|u|on|us)$' THEN
      quote_literal(substring(w FROM '^([a-z]{3,}?)(os|o|u|on|us)$') || 'o') || ' | ' ||
      quote_literal(substring(w FROM '^([a-z]{3,}?)(os|o|u|on|us)$') || 'u')
    ELSE quote_literal(CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END)
  END
  $function$;
