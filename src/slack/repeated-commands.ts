// A slash command repeated within seconds: the same person, command and text. Slack signs a request
// for 5 minutes, so a captured one can be sent again (a replayed `/clip export` sent three exports),
// and a double Enter does the same. The repeat is acknowledged and ignored. The memory is this
// process's own and short: a second bot process does not share it, which is acceptable for what it
// guards (a few seconds of duplicates, not a rule of the register).

export const commandRepeats = {
  /** How long an identical command counts as a repeat; 0 turns the check off (the tests' default). */
  windowMs: 3000,
  /** Wall time: a replay is a matter of real seconds, whatever clock the bot's work runs on. */
  now: () => Date.now(),
  seen: new Map<string, number>(),

  /** True when the same user sent the same command with the same text within the window. */
  isRepeat(command: { user_id: string; command: string; text: string }): boolean {
    if (this.windowMs <= 0) return false;
    const now = this.now();
    // Oldest first (a Map keeps insertion order, and each use is re-inserted): drop the expired.
    for (const [key, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(key);
    }
    const key = [command.user_id, command.command, command.text.trim()].join("\u0000");
    const last = this.seen.get(key);
    if (last !== undefined && now - last < this.windowMs) return true;
    this.seen.delete(key);
    this.seen.set(key, now);
    return false;
  },
};
