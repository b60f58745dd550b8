// The baseline for bench:ack: a bare Bolt app that acknowledges /clip and does nothing else.
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
const server = await app.start(0);
console.log(JSON.stringify({ msg: "Grafeio is running", port: (server.address() as AddressInfo).port }));
process.on("SIGTERM", () => process.exit(0));
