// Pure: what an article's page says of itself (Open Graph, JSON-LD, <title>), on heads written the
// way Greek outlets write them, and broken ones; the message shortcut's labelled link; what the
// page may fill in the form and what it must leave alone.
import { describe, expect, it } from "vitest";
import { dayOf, fillEmpty } from "../../src/areas/clippings/link-page.js";
import { pageMetadata } from "../../src/areas/clippings/page-metadata.js";
import { labelOfOnlyLink, prefillOfMessage } from "../../src/areas/clippings/prefill.js";

const kathimerini = `<!DOCTYPE html><html lang="el"><head>
<meta charset="utf-8">
<title>Μαρούσι: Νέα βιβλιοθήκη στην πλατεία | Η ΚΑΘΗΜΕΡΙΝΗ</title>
<meta name="description" content="Η περιγραφή της σελίδας">
<meta property="og:type" content="article">
<meta property="og:title" content="Μαρούσι: Νέα βιβλιοθήκη στην πλατεία &amp; στο άλσος">
<meta property="og:site_name" content="Η ΚΑΘΗΜΕΡΙΝΗ">
<meta property="og:description" content="Ο δήμαρχος   εγκαινίασε
  τη νέα δημοτική βιβλιοθήκη.">
<meta property="article:published_time" content="2026-11-30T23:15:00+02:00">
<script>window.dataLayer = [{"headline":"not this"}];</script>
</head><body><h1>Μαρούσι</h1></body></html>`;

const protothemaJsonLd = `<html><head>
<title>Δήμος Αμαρουσίου: Χριστουγεννιάτικο χωριό - protothema.gr</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"protothema.gr","url":"https://www.protothema.gr/"},
  {"@type":["NewsArticle"],"headline":"Δήμος Αμαρουσίου: Χριστουγεννιάτικο χωριό στο άλσος",
   "datePublished":"2026-12-01T08:30:00+02:00","description":"Από το Σάββατο",
   "publisher":{"@type":"Organization","name":"Πρώτο Θέμα"}}]}</script>
</head><body></body></html>`;

describe("pageMetadata", () => {
  it("reads Open Graph and article: tags, entities decoded and spaces folded", () => {
    expect(pageMetadata(kathimerini)).toEqual({
      title: "Μαρούσι: Νέα βιβλιοθήκη στην πλατεία & στο άλσος",
      siteName: "Η ΚΑΘΗΜΕΡΙΝΗ",
      description: "Ο δήμαρχος εγκαινίασε τη νέα δημοτική βιβλιοθήκη.",
      publishedTime: "2026-11-30T23:15:00+02:00",
    });
  });

  it("reads a JSON-LD NewsArticle inside an @graph when there is no Open Graph", () => {
    expect(pageMetadata(protothemaJsonLd)).toEqual({
      title: "Δήμος Αμαρουσίου: Χριστουγεννιάτικο χωριό στο άλσος",
      siteName: "Πρώτο Θέμα",
      description: "Από το Σάββατο",
      publishedTime: "2026-12-01T08:30:00+02:00",
    });
  });

  it("falls back to <title> and <meta name=description>; an Article in an array counts", () => {
    const page = `<head><TITLE>Η ΕΡΤ για το Μαρούσι</TITLE><META NAME="Description" CONTENT="Σύντομα">
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"Article","datePublished":"2026-11-29","publisher":"ertnews"}]</script>`;
    expect(pageMetadata(page)).toEqual({
      title: "Η ΕΡΤ για το Μαρούσι",
      siteName: "ertnews",
      description: "Σύντομα",
      publishedTime: "2026-11-29",
    });
  });

  it("gives what it can of broken HTML and ignores broken JSON-LD", () => {
    const broken = `<html><head><meta property="og:title" content="Τίτλος χωρίς τέλος"><title>Άλλος
      <script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
      <meta property="og:site_name" content="in.gr"`;
    const meta = pageMetadata(broken);
    expect(meta.title).toBe("Τίτλος χωρίς τέλος");
    expect(meta.publishedTime).toBeUndefined();
    expect(pageMetadata("")).toEqual({});
    expect(pageMetadata("not html at all {<>}")).toEqual({});
  });
});

describe("the page's date as the office's day", () => {
  it("takes the day in Athens, a bare date as it is, nonsense as nothing", () => {
    expect(dayOf("2026-11-30T23:15:00Z", "Europe/Athens")).toBe("2026-12-01");
    expect(dayOf("2026-11-30T23:15:00+02:00", "Europe/Athens")).toBe("2026-11-30");
    expect(dayOf("2026-11-29", "Europe/Athens")).toBe("2026-11-29");
    expect(dayOf("χθες", "Europe/Athens")).toBeUndefined();
  });
});

describe("filling the form from the page", () => {
  const facts = { title: "Τίτλος σελίδας", outlet: "Καθημερινή", publishedOn: "2026-11-30", summary: "Περίληψη" };

  it("fills only what the form left empty", () => {
    expect(fillEmpty({ url: "https://a.gr/x", medium: "online" }, facts)).toEqual({
      url: "https://a.gr/x",
      medium: "online",
      ...facts,
    });
    expect(fillEmpty({ url: "https://a.gr/x", title: "Ο δικός μου", summary: "Δική μου" }, facts)).toEqual({
      url: "https://a.gr/x",
      title: "Ο δικός μου",
      summary: "Δική μου",
      outlet: "Καθημερινή",
      publishedOn: "2026-11-30",
    });
  });

  it("replaces only what was a guess, and says so when the page adds nothing", () => {
    const values = { url: "https://a.gr/x", title: "μια γραμμή", outlet: "kathimerini.gr", summary: "σχόλιο" };
    expect(fillEmpty(values, facts, ["title", "outlet"])).toMatchObject({
      title: "Τίτλος σελίδας",
      outlet: "Καθημερινή",
      summary: "σχόλιο",
    });
    expect(fillEmpty({ ...values, ...facts }, facts)).toBeUndefined();
    expect(fillEmpty(values, {})).toBeUndefined();
  });
});

describe("the shortcut's labelled link", () => {
  it("takes a single link's own label as the title, not the whole message", () => {
    const p = prefillOfMessage({
      text: "Δείτε αυτό, για τη βιβλιοθήκη:\n<https://www.kathimerini.gr/a/1|Νέα βιβλιοθήκη στο Μαρούσι>",
    });
    expect(p.values).toMatchObject({
      url: "https://www.kathimerini.gr/a/1",
      title: "Νέα βιβλιοθήκη στο Μαρούσι",
      outlet: "kathimerini.gr",
      summary: "Δείτε αυτό, για τη βιβλιοθήκη:",
    });
    expect(p.guessed).toEqual(["outlet"]);
  });

  it("does not take a label that is the link again, or one of two links", () => {
    expect(labelOfOnlyLink("<https://www.in.gr/x|www.in.gr/x>")).toBeUndefined();
    expect(labelOfOnlyLink("<https://a.gr/1|Ένα> και <https://b.gr/2|Δύο>")).toBeUndefined();
    expect(labelOfOnlyLink("<@U123> <https://a.gr/1|Ένα>")).toBe("Ένα");
    const p = prefillOfMessage({ text: "Νέο πάρκο στο Μαρούσι\n<https://www.marousi.gr/news/1>" });
    expect(p.values.title).toBe("Νέο πάρκο στο Μαρούσι");
    expect(p.guessed).toEqual(["title", "outlet"]);
  });
});
