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
      (SELECT array_agg(DISTINCT CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END)
         FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(tk.t)))) AS w) AS stems,
      (SELECT CASE WHEN count(*) = 1 AND length(min(p)) >= 3 THEN left(min(p), 12) END
         FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', public.grafeio_phonetic(tk.english[1]))))
           AS p) AS term
    FROM tokens tk
    -- English stop words say nothing, as in English's own stemmer.
    WHERE tk.english IS NULL OR cardinality(tk.english) > 0
  )
  -- A term that begins with the stem finds nothing the stem does not: left out, as it costs the scan.
  SELECT coalesce(
    string_agg(DISTINCT
      CASE WHEN term IS NULL OR (cardinality(stems) = 1 AND starts_with(term, stems[1]))
        THEN '(' || array_to_string(ARRAY(SELECT quote_literal(s) FROM unnest(stems) s), ' & ') || ')'
        ELSE '((' || array_to_string(ARRAY(SELECT quote_literal(s) FROM unnest(stems) s), ' & ') || ') | ' || quote_literal(term) || ')'
      END, ' & ')::tsquery,
    public.grafeio_stem_query(words))  -- nothing but stop words: all of them
  FROM per_token WHERE stems IS NOT NULL);
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
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
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
  SELECT string_agg(
    DISTINCT quote_literal(CASE WHEN length(w) <= 4 THEN w ELSE left(w, least(12, greatest(4, length(w) - 2))) END),
    ' & ')::tsquery
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
