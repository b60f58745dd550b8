// Slack's Block Kit limits, as the emulator enforces them (src/slack-emulator/block-kit-limits.ts).
export { checkBlocks, checkMessage, checkView, LIMITS } from "../../src/slack-emulator/block-kit-limits.js";
