// The vocative of Greek names by the grammar's rules, and the name-day wishes built on it.
import { describe, expect, it } from "vitest";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { greetingsOf, vocativeOfName, vocativeOfWord } from "../../src/calendar/namedays/vocative.js";

const calendar = NameDayCalendar.load();

describe("the vocative", () => {
  it.each([
    // -ος of two syllables, and the everyday -άκος/-έκος: -ο
    ["Γιώργος", "Γιώργο"],
    ["Νίκος", "Νίκο"],
    ["Πέτρος", "Πέτρο"],
    ["Παύλος", "Παύλο"],
    ["Στέλιος", "Στέλιο"],
    ["Αλέκος", "Αλέκο"],
    // -ος of three syllables or more, the learned -ιος: -ε; oxytone -ός: -έ
    ["Αλέξανδρος", "Αλέξανδρε"],
    ["Κωνσταντίνος", "Κωνσταντίνε"],
    ["Θεόδωρος", "Θεόδωρε"],
    ["Νικόλαος", "Νικόλαε"],
    ["Γρηγόριος", "Γρηγόριε"],
    ["Δημήτριος", "Δημήτριε"],
    ["Βασίλειος", "Βασίλειε"],
    ["Γεώργιος", "Γεώργιε"],
    ["Ρωμανός", "Ρωμανέ"],
    // -ης, -ας, -ούς, -εύς
    ["Γιάννης", "Γιάννη"],
    ["Παναγιώτης", "Παναγιώτη"],
    ["Κώστας", "Κώστα"],
    ["Ηλίας", "Ηλία"],
    ["Ανδρέας", "Ανδρέα"],
    ["Αχιλλεύς", "Αχιλλεύ"],
    // unchanged: women's names, -ων, foreign script
    ["Μαρία", "Μαρία"],
    ["Ελένη", "Ελένη"],
    ["Σπυρίδων", "Σπυρίδων"],
    ["Μιχαήλ", "Μιχαήλ"],
    ["John", "John"],
  ])("first name %s → %s", (name, vocative) => {
    expect(vocativeOfWord(name)).toBe(vocative);
  });

  it.each([
    ["Παπαδόπουλος", "Παπαδόπουλε"],
    ["Ζαφειρόπουλος", "Ζαφειρόπουλε"],
    ["Βενιζέλος", "Βενιζέλε"],
    ["Μήλιος", "Μήλιο"],
    ["Βλάχος", "Βλάχο"],
    ["Παπαδάκης", "Παπαδάκη"],
    ["Καραμανλής", "Καραμανλή"],
    ["Σαμαράς", "Σαμαρά"],
    ["Οικονόμου", "Οικονόμου"],
    ["Παπαδοπούλου", "Παπαδοπούλου"],
    ["ΠΑΠΑΔΟΠΟΥΛΟΣ", "ΠΑΠΑΔΟΠΟΥΛΕ"],
    ["ΓΙΩΡΓΟΣ", "ΓΙΩΡΓΟ"],
  ])("surname %s → %s", (name, vocative) => {
    expect(vocativeOfWord(name)).toBe(vocative);
  });

  it("a full name word by word, a double name too", () => {
    expect(vocativeOfName("Γιώργος Παπαδόπουλος")).toBe("Γιώργο Παπαδόπουλε");
    expect(vocativeOfName("Γιάννης-Αλέξανδρος")).toBe("Γιάννη-Αλέξανδρε");
  });
});

describe("the name-day wishes", () => {
  it("informal to a friend, «Αγαπητέ κύριε» and «Αξιότιμε κύριε» in the formal registers", () => {
    const g = greetingsOf(calendar, { nameEl: "Γιώργος Παπαδόπουλος" });
    expect(g.informal).toBe("Χρόνια πολλά, Γιώργο!");
    expect(g.formal).toMatch(/^Αγαπητέ κύριε Παπαδόπουλε,\n/);
    expect(g.official).toMatch(/^Αξιότιμε κύριε Παπαδόπουλε,\n/);
  });

  it("a woman, surname first as official lists write it: «Αγαπητή κυρία Παπαδοπούλου»", () => {
    const g = greetingsOf(calendar, { nameEl: "Παπαδοπούλου Μαρία" });
    expect(g.informal).toBe("Χρόνια πολλά, Μαρία!");
    expect(g.formal).toMatch(/^Αγαπητή κυρία Παπαδοπούλου,/);
    expect(g.official).toMatch(/^Αξιότιμη κυρία Παπαδοπούλου,/);
  });

  it("the titles protocol requires: a metropolitan, an ambassador, a mayor", () => {
    expect(greetingsOf(calendar, { nameEl: "Αθηναγόρας", title: "Μητροπολίτης Κηφισίας" }).formal).toMatch(
      /^Σεβασμιώτατε,\n/,
    );
    expect(greetingsOf(calendar, { nameEl: "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ", title: "Πρέσβης της Κύπρου" }).official).toMatch(
      /^Εξοχότατε κύριε Πρέσβη,/,
    );
    expect(greetingsOf(calendar, { nameEl: "Ελένη Γεωργίου", title: "Πρέσβειρα" }).formal).toMatch(
      /^Εξοχοτάτη κυρία Πρέσβη,/,
    );
    expect(greetingsOf(calendar, { nameEl: "Κώστας Ρήγας", title: "Δήμαρχος Αμαρουσίου" }).formal).toMatch(
      /^Αξιότιμε κύριε Δήμαρχε,/,
    );
    // Capitals in the archive: the first name in the calendar's spelling.
    expect(greetingsOf(calendar, { nameEl: "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ" }).informal).toBe("Χρόνια πολλά, Νικόλαε!");
  });

  it("staff's correction wins: word by word when it has the name's shape, else whole", () => {
    const g = greetingsOf(calendar, { nameEl: "Γεώργιος Βενιζέλος", vocative: "Γιώργο Βενιζέλο" });
    expect(g.informal).toBe("Χρόνια πολλά, Γιώργο!");
    expect(g.formal).toMatch(/^Αγαπητέ κύριε Βενιζέλο,/);
    const whole = greetingsOf(calendar, { nameEl: "Σπυρίδων Παπαδόπουλος", vocative: "Σπύρο" });
    expect(whole.informal).toBe("Χρόνια πολλά, Σπύρο!");
  });
});
