export type LocaleCode = "el" | "en";

/** Maps a Slack locale such as `el-GR` or `en-US` to one we have, or undefined. */
export function localeFromSlack(slackLocale: string | undefined | null): LocaleCode | undefined {
  const lang = slackLocale?.slice(0, 2).toLowerCase();
  return lang === "el" || lang === "en" ? lang : undefined;
}
