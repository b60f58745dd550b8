// The local workspace in a real browser (Debian's Chromium, headless): what a newcomer does on the
// page after `npm start` with no Slack settings, through the real bot and the Web API emulator.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDayMonthYear, localDate, shiftDate } from "../../src/lib/clock.js";
import {
  haveChromium,
  type LocalWorkspaceUnderTest,
  launchChromium,
  openBrowser,
  startLocalWorkspace,
  type TestBrowser,
} from "../support/local-workspace.js";

// Time-outs only catch a hang: a machine whose cores are shared can take seconds for one step.
const WAIT = { timeout: 30_000 };

describe.skipIf(!haveChromium)("the local workspace in a browser", () => {
  let local: LocalWorkspaceUnderTest;
  let b: TestBrowser;
  let launching: Promise<Browser> | undefined;
  beforeAll(async () => {
    // Chromium starts (in its own processes) while the workspace and the bot do.
    launching = launchChromium();
    launching.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    local = await startLocalWorkspace();
    b = await openBrowser(local.url, await launching);
  });
  afterAll(async () => {
    if (b) await b.close();
    else await (await launching?.catch(() => undefined))?.close();
    await local?.stop();
  });

  const message = (text: string | RegExp) => b.page.locator("[data-testid=message]", { hasText: text });
  const write = async (text: string) => {
    await b.page.fill("[data-testid=composer]", text);
    await b.page.press("[data-testid=composer]", "Enter");
  };
  /** The office's day (Athens), `days` from today. */
  const officeDay = (days: number) => shiftDate(localDate(new Date(), "Europe/Athens"), days);
  const actAs = async (userId: string) => {
    await b.page.selectOption("[data-testid=person]", userId);
    // Until the chosen person's own state is drawn, the page may still show the one before.
    await b.page.locator(`body[data-shown-for="${userId}"]`).waitFor(WAIT);
  };

  it("types /clip with its usage hint, fills the form, sees the bad link refused under its field, then the register number", async () => {
    const { page } = b;
    await page.fill("[data-testid=composer]", "/cl");
    const hint = page.locator(".hints button", { hasText: "/clip" });
    await hint.waitFor(WAIT);
    expect(await hint.textContent()).toContain("search <words>");
    await b.screenshot("commands");
    await write("/clip");
    const modal = page.locator("[data-testid=modal]");
    await modal.waitFor(WAIT);
    await modal.locator("[data-block-id=title] input").fill("Νέο πάρκο στο κέντρο της πόλης");
    await modal.locator("[data-block-id=outlet] input").fill("Καθημερινή");
    await modal.locator("[data-block-id=url] input").fill("not a link");
    await modal.locator("[data-block-id=medium] select").selectOption({ index: 1 });
    await modal.locator("[data-block-id=tone] input").first().check();
    await modal.locator("[data-block-id=scope] input").first().check();
    await page.click("[data-testid=submit]");
    const error = modal.locator("[data-block-id=url] .error");
    await error.waitFor(WAIT);
    expect(await error.textContent()).toMatch(/σύνδεσμος/);
    // The other fields kept what was typed in them.
    expect(await modal.locator("[data-block-id=title] input").inputValue()).toBe("Νέο πάρκο στο κέντρο της πόλης");
    await b.screenshot("clip-form-error");

    await modal.locator("[data-block-id=url] input").fill("https://www.kathimerini.gr/local/parko-kentro");
    await page.click("[data-testid=submit]");
    await modal.waitFor({ state: "detached", ...WAIT });
    const confirmation = message(/\d{4}\/\d{4}/);
    await confirmation.waitFor(WAIT);
    const text = await confirmation.textContent();
    expect(text).toMatch(/Καταχωρίστηκε ως \d{4}\/0001/);
    expect(text).toContain("Only visible to you");
    // The register has it, as the page said.
    const stored = await local.database.db.prisma.clipping.findMany({ select: { title: true, url: true } });
    expect(stored).toEqual([
      { title: "Νέο πάρκο στο κέντρο της πόλης", url: "https://www.kathimerini.gr/local/parko-kentro" },
    ]);
    await b.screenshot("clip-logged");
  });

  it("searches the register in Greeklish", async () => {
    await write("/clip search parko kentro");
    const results = message(/parko kentro/);
    await results.waitFor(WAIT);
    expect(await results.textContent()).toContain("Νέο πάρκο στο κέντρο της πόλης");
    await b.screenshot("search");
  });

  it("sends the export to the DM, and the downloaded XLSX is the file the bot made", async () => {
    const { page } = b;
    await write("/clip export");
    await page.click("[data-testid=nav-DLOCADMIN]");
    const link = page.locator("[data-testid=file]", { hasText: ".xlsx" });
    await link.waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^grafeio-clippings-\d{4}-\d{2}\.xlsx$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    // An XLSX is a ZIP holding the workbook.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes(Buffer.from("xl/workbook.xml"))).toBe(true);
    expect(bytes.equals(local.workspace.api.uploadedFile(name) ?? Buffer.alloc(0))).toBe(true);
    await b.screenshot("export");
    await page.click("[data-testid=nav-CLOCPR]");
  });

  it("as a staff member, is refused a manager's action", async () => {
    await actAs("ULOCSTAFF");
    await write("/contact export");
    const refusal = message(/προϊστάμενος/);
    await refusal.waitFor(WAIT);
    // Only the staff member sees it; the admin's own messages are not theirs to see.
    expect(await message(/Καταχωρίστηκε ως/).count()).toBe(0);
    await b.screenshot("refused");
    await actAs("ULOCADMIN");
  });

  it("shows the person chosen last when an older refresh answers after a newer one", async () => {
    const { page } = b;
    // The staff member's refusal above is theirs alone: the admin's page must never show it.
    expect(await message(/προϊστάμενος/).count()).toBe(0);
    let held: (() => Promise<void>) | undefined;
    const heldOnce = new Promise<void>((resolve) => {
      void page.route("**/ui/state?*", async (route) => {
        if (held || !route.request().url().includes("ULOCSTAFF")) return route.continue();
        held = () => route.continue();
        resolve();
      });
    });
    // The staff member's state is asked for and held; the admin's is asked for and shown.
    await page.selectOption("[data-testid=person]", "ULOCSTAFF");
    await heldOnce;
    const adminState = page.waitForResponse((r) => r.url().includes("/ui/state") && r.url().includes("ULOCADMIN"));
    await page.selectOption("[data-testid=person]", "ULOCADMIN");
    await (await adminState).finished();
    await page.locator('body[data-shown-for="ULOCADMIN"]').waitFor(WAIT);
    // Then the staff member's answer arrives, last.
    const staffState = page.waitForResponse((r) => r.url().includes("/ui/state") && r.url().includes("ULOCSTAFF"));
    await held?.();
    await staffState;
    // The page marks the answer either way: dropped (as it should be) or drawn.
    await page.locator('body[data-dropped-for="ULOCSTAFF"], body[data-shown-for="ULOCSTAFF"]').waitFor(WAIT);
    await page.unroute("**/ui/state?*");
    expect(await page.inputValue("[data-testid=person]")).toBe("ULOCADMIN");
    expect(await page.getAttribute("body", "data-shown-for")).toBe("ULOCADMIN");
    expect(await message(/προϊστάμενος/).count()).toBe(0);
  });

  it("runs a scheduled job from the operator panel, through the scheduler's claim", async () => {
    const { page } = b;
    // Today (and tomorrow, should the run cross midnight) a working day whatever the date, as an
    // admin corrects the calendar: the morning's jobs then run on a weekend or a holiday too.
    for (const day of [officeDay(0), officeDay(1)]) {
      await write(`/grafeio workday ${day}`);
      await message(`${formatDayMonthYear(day)}: εργάσιμη`).waitFor(WAIT);
    }
    await page.click("[data-testid=nav-OPERATOR]");
    const row = page.locator("tr[data-job=morning-digest]");
    await row.waitFor(WAIT);
    await row.locator("button", { hasText: "Run now" }).click();
    const result = row.locator(".result", { hasText: /succeeded/ });
    await result.waitFor(WAIT);
    const said = (await result.textContent()) ?? "";
    await b.screenshot("operator");
    // Again: within the same minute, the same occurrence, which already ran (a click just after
    // the minute turned is the next minute's occurrence).
    const minute = /\((\d\d:\d\d) UTC\)/.exec(said)?.[1];
    await row.locator("button", { hasText: "Run now" }).click();
    const again = row.locator(".result", { hasText: /already_ran|succeeded/ });
    await again.waitFor(WAIT);
    const second = (await again.textContent()) ?? "";
    if (second.includes(`(${minute} UTC)`)) expect(second).toMatch(/^already_ran/);
    else expect(second).toMatch(/^succeeded/);

    // The manager reads it in their DM (two digests when the second click fell in the next minute).
    expect(said).not.toMatch(/skipped/);
    await actAs("ULOCMANAGER");
    await page.click("[data-testid=nav-DLOCMANAGER]");
    const digest = message(/Νέο πάρκο στο κέντρο της πόλης/).first();
    await digest.waitFor(WAIT);
    expect(await digest.textContent()).toMatch(/\d{4}\/0001/);
    await b.screenshot("digest");
    await actAs("ULOCADMIN");
  });

  it("fills a sample office from the operator panel, once however often it is clicked", async () => {
    const { page } = b;
    await page.click("[data-testid=nav-OPERATOR]");
    await page.click("[data-testid=sample]");
    await page
      .locator(".notice", { hasText: /Sample office: 18 clippings .* 7 contacts .* 3 events .* 5 sponsorships/ })
      .waitFor(WAIT);
    expect(await local.database.db.prisma.clipping.count()).toBe(19);
    await page.click("[data-testid=sample]");
    await page.locator(".notice", { hasText: "already there" }).waitFor(WAIT);
    expect(await local.database.db.prisma.clipping.count()).toBe(19);
    // The register and the contacts are the real ones: found in Greeklish, name days this week.
    await page.click("[data-testid=nav-CLOCPR]");
    await write("/clip search aporrimmata");
    await message(/Νέα Σμύρνη/).waitFor(WAIT);
    await write("/giortes");
    await message(/Νικόλαος Παπαδάκης/).waitFor(WAIT);
    await b.screenshot("sample-office");
  });
  it("pages through the search results, and withdraws a result from its menu", async () => {
    const { page } = b;
    await write(`/clip search from:${officeDay(-40)}`);
    await message(/σελίδα 1 από 2/).waitFor(WAIT);
    await message(/σελίδα 1 από 2/)
      .locator("[data-action-id=clip_search_page_next]")
      .click();
    // The next page takes the first one's place, as Slack replaces the original message.
    const second = message(/σελίδα 2 από 2/);
    await second.waitFor(WAIT);
    expect(await message(/σελίδα 1 από 2/).count()).toBe(0);
    expect(await second.locator(".section").count()).toBe(1 + 9);
    await b.screenshot("search-page-2");
    await second.locator("[data-action-id=clip_search_page_prev]").click();
    const first = message(/σελίδα 1 από 2/);
    await first.waitFor(WAIT);

    // The result's menu: «Απόσυρση», the form asks why, and the withdrawal is confirmed.
    await first
      .locator(".section", { hasText: /Νέο πάρκο στο κέντρο/ })
      .locator("button.overflow")
      .click();
    await page.locator(".popup [role=menuitem]", { hasText: "Απόσυρση" }).click();
    const modal = page.locator("[data-testid=modal]");
    await modal.waitFor(WAIT);
    expect(await modal.textContent()).toContain("Νέο πάρκο στο κέντρο της πόλης");
    await modal.locator("[data-block-id=reason] textarea").fill("Διπλή καταχώριση");
    await page.click("[data-testid=submit]");
    await modal.waitFor({ state: "detached", ...WAIT });
    await message(/αποσύρθηκε/).waitFor(WAIT);
    const withdrawn = await local.database.db.prisma.clipping.findFirst({
      where: { title: "Νέο πάρκο στο κέντρο της πόλης" },
    });
    expect(withdrawn?.withdrawnAt).not.toBeNull();
    expect(withdrawn?.withdrawReason).toBe("Διπλή καταχώριση");
  });

  it("records «wishes sent» on the morning's name-day reminder", async () => {
    const { page } = b;
    await page.click("[data-testid=nav-OPERATOR]");
    const row = page.locator("tr[data-job=name-day-reminders]");
    await row.locator("button", { hasText: "Run now" }).click();
    await row.locator(".result", { hasText: /succeeded .*name days/ }).waitFor(WAIT);
    await page.click("[data-testid=nav-CLOCPR]");
    const contact = await local.database.db.prisma.contact.findFirstOrThrow({
      where: { nameEl: "Νικόλαος Παπαδάκης" },
    });
    const buttons = page.locator(`[data-block-id="greet:${contact.id}:${officeDay(0)}"]`);
    await buttons.waitFor(WAIT);
    await page.locator("[data-testid=message]", { has: buttons }).scrollIntoViewIfNeeded();
    await b.screenshot("name-days");
    await buttons.locator("[data-action-id=name_day_wishes_sent]").click();
    // The message says who sent the wishes instead of the buttons; the archive has it.
    await message(/Ευχές από @Ελένη Παπαδοπούλου/).waitFor(WAIT);
    expect(await buttons.count()).toBe(0);
    const greetings = await local.database.db.prisma.greeting.findMany({
      where: { contactId: contact.id, status: "sent" },
    });
    expect(greetings).toMatchObject([{ doneBy: "ULOCADMIN", occasion: expect.stringContaining(officeDay(0)) }]);
  });

  it("shows a manager their Home tab, where approving a sponsorship takes it off the list", async () => {
    const { page } = b;
    await actAs("ULOCMANAGER");
    await page.click("[data-testid=nav-HOME]");
    // app_home_opened: the bot publishes the manager's Home, with the office's week and their items.
    const item = page
      .locator("#main .section", { hasText: "Τυπογραφεία Αλφα" })
      .filter({ has: page.locator("[data-action-id=sponsor_approve]") });
    await item.waitFor(WAIT);
    expect(await page.locator("#main").textContent()).toContain("Φωταγώγηση του χριστουγεννιάτικου δέντρου");
    await b.screenshot("home");
    await item.locator("[data-action-id=sponsor_approve]").click();
    // The Home is drawn again without it, and the sponsorship is approved.
    await item.waitFor({ state: "detached", ...WAIT });
    const approved = await local.database.db.prisma.sponsorship.findFirstOrThrow({
      where: { organisation: "Τυπογραφεία Αλφα" },
    });
    expect(approved).toMatchObject({ status: "committed", approvedBy: "ULOCMANAGER" });
    await actAs("ULOCADMIN");
  });

  it("imports contacts from a CSV picked in the form's file input", async () => {
    const { page } = b;
    await page.click("[data-testid=nav-CLOCPR]");
    await actAs("ULOCSTAFF");
    await write("/contact import");
    const modal = page.locator("[data-testid=modal]");
    await modal.waitFor(WAIT);
    const csv = ["Επώνυμο;Όνομα;Κατηγορία;Email", "Αλεξίου;Ειρήνη;Δημοσιογράφοι;eirini@example.gr"].join("\r\n");
    await modal
      .locator("[data-block-id=file] input[type=file]")
      .setInputFiles({ name: "epafes.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await modal.locator("[data-testid=picked-files]", { hasText: "epafes.csv" }).waitFor(WAIT);
    await page.click("[data-testid=submit]");
    // The bot downloads it with its token, as from Slack, and previews what each row will do.
    await modal.locator(".section", { hasText: "Θα δημιουργηθεί 1, θα ενημερωθούν 0" }).waitFor(WAIT);
    const downloads = local.workspace.api.callsTo("file_download");
    expect(downloads.map((c) => c.args.authorised)).toEqual([true]);
    await b.screenshot("contact-import");
    await page.click("[data-testid=submit]");
    await modal.waitFor({ state: "detached", ...WAIT });
    await message(/📥/).waitFor(WAIT);
    expect(
      await local.database.db.prisma.contact.findFirst({
        where: { nameEl: "Ειρήνη Αλεξίου" },
        select: { email: true },
      }),
    ).toEqual({ email: "eirini@example.gr" });
    await actAs("ULOCADMIN");
  });
});
