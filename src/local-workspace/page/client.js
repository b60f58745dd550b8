// The local workspace's page: Slack's Block Kit as a Slack client shows it, in plain DOM (no
// framework), fed by /ui/state and told of changes by Server-Sent Events (/ui/events). Every
// text the bot or a person wrote goes in as text nodes, never as HTML.

const params = new URLSearchParams(location.search);
const ui = {
  me: params.get("as") || localStorage.getItem("grafeio.as") || "ULOCADMIN",
  channel: params.get("channel") || localStorage.getItem("grafeio.channel") || "CLOCPR",
  thread: null,
  state: null,
  /** Each open view's input values, by view id, then block id, then action id (Slack's state shape). */
  values: new Map(),
  modalKey: "",
  seen: new Map(),
};

const EMOJI = {
  warning: "⚠️",
  white_check_mark: "✅",
  hourglass_flowing_sand: "⏳",
  hourglass: "⌛",
  calendar: "📆",
  date: "📅",
  rotating_light: "🚨",
  pencil2: "✏️",
  memo: "📝",
  speech_balloon: "💬",
  white_circle: "⚪",
  wastebasket: "🗑️",
  no_entry: "⛔",
  love_letter: "💌",
  large_green_circle: "🟢",
  red_circle: "🔴",
  inbox_tray: "📥",
  heavy_minus_sign: "➖",
  clipboard: "📋",
  bar_chart: "📊",
  alarm_clock: "⏰",
  file_cabinet: "🗄️",
  birthday: "🎂",
  repeat: "🔁",
  raised_hand: "✋",
  pushpin: "📌",
  palm_tree: "🌴",
  newspaper: "📰",
  link: "🔗",
  handshake: "🤝",
  "flag-gr": "🇬🇷",
  envelope_with_arrow: "📩",
  envelope: "✉️",
  chart_with_upwards_trend: "📈",
  bust_in_silhouette: "👤",
  bulb: "💡",
  bell: "🔔",
  no_bell: "🔕",
  white_square: "⬜",
  watch: "⌚",
  star: "⭐",
  new: "🆕",
  arrows_counterclockwise: "🔄",
  x: "❌",
  heavy_check_mark: "✔️",
  tada: "🎉",
  mag: "🔍",
  gift: "🎁",
  email: "📧",
  page_facing_up: "📄",
  busts_in_silhouette: "👥",
  earth_africa: "🌍",
  globe_with_meridians: "🌐",
  books: "📚",
  sparkles: "✨",
  thumbsup: "👍",
  "+1": "👍",
  eyes: "👀",
  question: "❓",
  exclamation: "❗",
  lock: "🔒",
  key: "🔑",
  moneybag: "💰",
  euro: "💶",
  package: "📦",
  loudspeaker: "📢",
  mega: "📣",
  ballot_box_with_check: "☑️",
  information_source: "ℹ️",
  arrow_right: "➡️",
  hammer_and_wrench: "🛠️",
  gear: "⚙️",
  crown: "👑",
};

// ---------------------------------------------------------------------------------------------
// DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k in el && k !== "list") el[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** Puts children (nested arrays, text, nodes; nulls skipped) in place of an element's own. */
function fill(el, ...children) {
  el.replaceChildren();
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

async function post(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

function notice(text) {
  const n = h("div", { class: "notice", role: "status" }, text);
  document.getElementById("notices").append(n);
  setTimeout(() => n.remove(), 8000);
}

const personName = (id) => ui.state?.people.find((p) => p.id === id)?.name ?? id;
const channelName = (id) => ui.state?.channels.find((c) => c.id === id)?.name ?? id;

// ---------------------------------------------------------------------------------------------
// mrkdwn: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, <url|text>, <@U…>, <#C…|name>,
// <!here>, :emoji:, and Slack's &amp; &lt; &gt;.

const unescapeMrkdwn = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function emojify(s) {
  return s.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] ?? m);
}

/** Known emoji short-codes as emoji, outside code spans (their underscores would read as italics). */
function emojiFirst(text) {
  return text.replace(/(`[^`]*`)|:([a-z0-9_+-]+):/g, (m, code, name) => code ?? EMOJI[name] ?? m);
}

function inlineMrkdwn(raw) {
  const text = emojiFirst(raw);
  const out = [];
  // Tokens: links and mentions, code, bold, italic, strike.
  const re =
    /<([^<>]+)>|`([^`]+)`|(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?])|(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:!?])|(^|[\s(])~([^~\n]+)~(?=$|[\s).,;:!?])/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[3] ?? m[5] ?? m[7] ?? "";
    out.push(emojify(unescapeMrkdwn(text.slice(last, m.index) + lead)));
    if (m[1] !== undefined) out.push(angle(m[1]));
    else if (m[2] !== undefined) out.push(h("code", {}, unescapeMrkdwn(m[2])));
    else if (m[4] !== undefined) out.push(h("b", {}, inlineMrkdwn(m[4])));
    else if (m[6] !== undefined) out.push(h("i", {}, inlineMrkdwn(m[6])));
    else if (m[8] !== undefined) out.push(h("s", {}, inlineMrkdwn(m[8])));
    last = re.lastIndex;
  }
  out.push(emojify(unescapeMrkdwn(text.slice(last))));
  return out;
}

function angle(inner) {
  const [target, label] = inner.split("|", 2);
  if (target.startsWith("@")) return h("span", { class: "mention" }, `@${label ?? personName(target.slice(1))}`);
  if (target.startsWith("#")) return h("span", { class: "mention" }, `#${label ?? channelName(target.slice(1))}`);
  if (target.startsWith("!")) {
    const word = target.slice(1).split("^")[0];
    if (word.startsWith("date")) return label ?? word;
    return h("span", { class: "mention" }, `@${label ?? word}`);
  }
  const url = unescapeMrkdwn(target);
  const safe = /^(https?:|mailto:)/i.test(url) ? url : undefined;
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer" }, unescapeMrkdwn(label ?? target));
}

function mrkdwn(text) {
  const root = h("div", { class: "mrkdwn" });
  const parts = String(text ?? "").split(/```/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      root.append(h("pre", {}, unescapeMrkdwn(part)));
      return;
    }
    const lines = part.split("\n");
    lines.forEach((line, j) => {
      if (line.startsWith("&gt; ") || line.startsWith("> "))
        root.append(h("blockquote", {}, inlineMrkdwn(line.replace(/^(&gt;|>) /, ""))));
      else {
        root.append(...inlineMrkdwn(line));
        if (j < lines.length - 1) root.append("\n");
      }
    });
  });
  return root;
}

function textObject(t) {
  if (!t) return null;
  if (t.type === "mrkdwn") return mrkdwn(t.text);
  return h("span", { class: "plain" }, t.emoji === false ? t.text : emojify(t.text));
}

const plain = (t) => (t ? emojify(String(t.text ?? "")) : "");

// ---------------------------------------------------------------------------------------------
// Block Kit

/** ctx: { kind: "message", channel, ts } | { kind: "view", viewId, errors } | { kind: "home" } */
function renderBlocks(blocks, ctx) {
  return (blocks ?? []).map((b) => renderBlock(b, ctx)).filter(Boolean);
}

function renderBlock(b, ctx) {
  switch (b.type) {
    case "header":
      return h("div", { class: "block block-header" }, plain(b.text));
    case "divider":
      return h("hr", { class: "divider" });
    case "section":
      return h(
        "div",
        { class: "block section", dataset: { blockId: b.block_id ?? "" } },
        h(
          "div",
          { class: "content" },
          textObject(b.text),
          b.fields
            ? h(
                "div",
                { class: "fields" },
                b.fields.map((f) => h("div", {}, textObject(f))),
              )
            : null,
        ),
        b.accessory ? renderElement(b.accessory, b, ctx) : null,
      );
    case "context":
      return h(
        "div",
        { class: "block context" },
        (b.elements ?? []).map((e) =>
          e.type === "image" ? h("img", { src: e.image_url, alt: e.alt_text }) : textObject(e),
        ),
      );
    case "image":
      return h(
        "figure",
        { class: "block image-block" },
        b.title ? h("figcaption", {}, plain(b.title)) : null,
        h("img", { src: b.image_url ?? b.slack_file?.url, alt: b.alt_text ?? "" }),
      );
    case "actions":
      return h(
        "div",
        { class: "block actions", dataset: { blockId: b.block_id ?? "" } },
        (b.elements ?? []).map((e) => renderElement(e, b, ctx)),
      );
    case "input":
      return renderInput(b, ctx);
    case "rich_text":
      return h("div", { class: "block rich-text mrkdwn" }, (b.elements ?? []).map(richText));
    case "file":
      return h("div", { class: "block" }, "📎 file");
    default:
      return h("div", { class: "block" }, `[${b.type} block]`);
  }
}

function richText(el) {
  switch (el.type) {
    case "rich_text_section":
      return h("div", {}, (el.elements ?? []).map(richInline));
    case "rich_text_preformatted":
      return h("pre", {}, (el.elements ?? []).map(richInline));
    case "rich_text_quote":
      return h("blockquote", {}, (el.elements ?? []).map(richInline));
    case "rich_text_list": {
      const tag = el.style === "ordered" ? "ol" : "ul";
      return h(
        tag,
        {},
        (el.elements ?? []).map((item) => h("li", {}, (item.elements ?? []).map(richInline))),
      );
    }
    default:
      return null;
  }
}

function richInline(e) {
  let node;
  switch (e.type) {
    case "text":
      node = document.createTextNode(e.text);
      break;
    case "link":
      node = h(
        "a",
        { href: /^(https?:|mailto:)/i.test(e.url) ? e.url : undefined, target: "_blank", rel: "noopener noreferrer" },
        e.text ?? e.url,
      );
      break;
    case "emoji":
      node = document.createTextNode(EMOJI[e.name] ?? `:${e.name}:`);
      break;
    case "user":
      node = h("span", { class: "mention" }, `@${personName(e.user_id)}`);
      break;
    case "channel":
      node = h("span", { class: "mention" }, `#${channelName(e.channel_id)}`);
      break;
    case "broadcast":
      node = h("span", { class: "mention" }, `@${e.range}`);
      break;
    default:
      node = document.createTextNode("");
  }
  const s = e.style ?? {};
  if (s.code) node = h("code", {}, node);
  if (s.bold) node = h("b", {}, node);
  if (s.italic) node = h("i", {}, node);
  if (s.strike) node = h("s", {}, node);
  return node;
}

// ---- state of inputs (views)

function viewValues(viewId) {
  if (!ui.values.has(viewId)) ui.values.set(viewId, {});
  return ui.values.get(viewId);
}

function setValue(ctx, block, element, value) {
  if (ctx.kind !== "view") return;
  const values = viewValues(ctx.viewId);
  values[block.block_id] = { ...(values[block.block_id] ?? {}), [element.action_id]: { type: element.type, ...value } };
}

function currentValue(ctx, block, element) {
  if (ctx.kind !== "view") return undefined;
  return viewValues(ctx.viewId)[block.block_id]?.[element.action_id];
}

/** What Slack reports for an element nobody touched: its initial value. */
function initialState(e) {
  switch (e.type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input":
      return { value: e.initial_value ?? null };
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { selected_option: e.initial_option ?? null };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { selected_options: e.initial_options ?? [] };
    case "datepicker":
      return { selected_date: e.initial_date ?? null };
    case "timepicker":
      return { selected_time: e.initial_time ?? null };
    case "datetimepicker":
      return { selected_date_time: e.initial_date_time ?? null };
    case "users_select":
      return { selected_user: e.initial_user ?? null };
    case "multi_users_select":
      return { selected_users: e.initial_users ?? [] };
    case "conversations_select":
      return { selected_conversation: e.initial_conversation ?? null };
    case "multi_conversations_select":
      return { selected_conversations: e.initial_conversations ?? [] };
    case "channels_select":
      return { selected_channel: e.initial_channel ?? null };
    case "file_input":
      return { files: [] };
    default:
      return undefined;
  }
}

/** The whole view's state as Slack sends it: every stateful element, touched or not. */
function stateOf(view) {
  const values = viewValues(view.id);
  const out = {};
  for (const b of view.blocks ?? []) {
    const elements =
      b.type === "input" ? [b.element] : b.type === "actions" ? b.elements : b.accessory ? [b.accessory] : [];
    for (const e of elements ?? []) {
      if (!e?.action_id) continue;
      const initial = initialState(e);
      if (initial === undefined) continue;
      const v = values[b.block_id]?.[e.action_id] ?? { type: e.type, ...initial };
      out[b.block_id] = { ...(out[b.block_id] ?? {}), [e.action_id]: v };
    }
  }
  return out;
}

// ---- interactive elements

/** An element changed or clicked: in a message always an action; in a view inputs only keep state. */
async function fire(ctx, block, element, payload, opts = {}) {
  const action = { type: element.type, action_id: element.action_id, block_id: block.block_id, ...payload };
  if (ctx.kind === "view") {
    setValue(ctx, block, element, payload);
    if (block.type === "input" && !(block.dispatch_action || opts.dispatch)) return;
  }
  if (element.confirm && !(await confirmDialog(element.confirm))) return;
  if (ctx.kind === "view") {
    const view = ui.state.modals.find((m) => m.id === ctx.viewId)?.view;
    await post("/ui/act", { user: ui.me, viewId: ctx.viewId, action, state: view ? stateOf(view) : {} });
  } else if (ctx.kind === "message") {
    await post("/ui/act", { user: ui.me, channel: ctx.channel, ts: ctx.ts, action, state: {} });
  } else if (ctx.kind === "home" && ui.state.home) {
    await post("/ui/act", { user: ui.me, viewId: ui.state.home.id, action, state: {} });
  }
}

function confirmDialog(c) {
  return new Promise((resolve) => {
    const close = (answer) => {
      overlay.remove();
      resolve(answer);
    };
    const overlay = h(
      "div",
      { class: "overlay", role: "dialog" },
      h(
        "div",
        { class: "dialog", "data-testid": "confirm" },
        h("h3", {}, plain(c.title) || "Are you sure?"),
        textObject(c.text),
        h(
          "div",
          { class: "buttons" },
          h("button", { class: "bk", onclick: () => close(false) }, plain(c.deny) || "Cancel"),
          h(
            "button",
            { class: `bk ${c.style === "danger" ? "danger" : "primary"}`, onclick: () => close(true) },
            plain(c.confirm) || "Yes",
          ),
        ),
      ),
    );
    document.body.append(overlay);
  });
}

function popupMenu(anchor, options, choose) {
  for (const p of document.querySelectorAll(".popup.floating")) p.remove();
  const r = anchor.getBoundingClientRect();
  const menu = h(
    "div",
    {
      class: "popup floating",
      role: "menu",
      style: `top:${r.bottom + window.scrollY}px;left:${Math.max(8, r.right - 220)}px`,
    },
    options.map((o) =>
      h(
        "button",
        {
          role: "menuitem",
          onclick: () => {
            menu.remove();
            choose(o);
          },
        },
        plain(o.text),
      ),
    ),
  );
  document.body.append(menu);
  setTimeout(() => document.addEventListener("click", () => menu.remove(), { once: true }), 0);
}

function optionsOf(e) {
  return e.options ?? (e.option_groups ?? []).flatMap((g) => g.options ?? []);
}

function renderElement(e, block, ctx) {
  const cur = currentValue(ctx, block, e);
  switch (e.type) {
    case "button": {
      const btn = h(
        "button",
        { class: `bk ${e.style ?? ""}`, dataset: { actionId: e.action_id ?? "" } },
        plain(e.text),
      );
      btn.addEventListener("click", async () => {
        if (e.url) window.open(e.url, "_blank", "noopener");
        btn.disabled = true;
        try {
          await fire(
            ctx,
            block,
            e,
            { text: e.text, value: e.value, ...(e.style ? { style: e.style } : {}) },
            { dispatch: true },
          );
        } finally {
          btn.disabled = false;
        }
      });
      return btn;
    }
    case "overflow": {
      const btn = h(
        "button",
        { class: "bk overflow", "aria-label": "More actions", dataset: { actionId: e.action_id ?? "" } },
        "⋮",
      );
      btn.addEventListener("click", (ev) => {
        ev.stopPropagation();
        popupMenu(btn, e.options ?? [], (o) => {
          if (o.url) window.open(o.url, "_blank", "noopener");
          fire(ctx, block, e, { selected_option: o }, { dispatch: true });
        });
      });
      return btn;
    }
    case "static_select": {
      const options = optionsOf(e);
      const selected = cur ? cur.selected_option?.value : e.initial_option?.value;
      const sel = h(
        "select",
        { class: "bk", dataset: { actionId: e.action_id ?? "" } },
        h("option", { value: "" }, plain(e.placeholder) || "Choose…"),
        options.map((o) => h("option", { value: o.value, selected: o.value === selected }, plain(o.text))),
      );
      sel.addEventListener("change", () => {
        const o = options.find((x) => x.value === sel.value) ?? null;
        fire(ctx, block, e, { selected_option: o });
      });
      return sel;
    }
    case "multi_static_select": {
      const options = optionsOf(e);
      const chosen = new Set((cur?.selected_options ?? e.initial_options ?? []).map((o) => o.value));
      const sel = h(
        "select",
        { class: "bk", multiple: true, size: Math.min(6, options.length), dataset: { actionId: e.action_id ?? "" } },
        options.map((o) => h("option", { value: o.value, selected: chosen.has(o.value) }, plain(o.text))),
      );
      sel.addEventListener("change", () => {
        const values = new Set([...sel.selectedOptions].map((o) => o.value));
        fire(ctx, block, e, { selected_options: options.filter((o) => values.has(o.value)) });
      });
      return sel;
    }
    case "external_select":
    case "multi_external_select":
      return externalSelect(e, block, ctx, cur);
    case "users_select":
    case "multi_users_select":
      return peopleSelect(e, block, ctx, cur);
    case "conversations_select":
    case "channels_select":
    case "multi_conversations_select":
      return channelSelect(e, block, ctx, cur);
    case "datepicker": {
      const input = h("input", {
        class: "bk",
        type: "date",
        value: cur ? (cur.selected_date ?? "") : (e.initial_date ?? ""),
        dataset: { actionId: e.action_id ?? "" },
      });
      input.addEventListener("change", () => fire(ctx, block, e, { selected_date: input.value || null }));
      return input;
    }
    case "timepicker": {
      const input = h("input", {
        class: "bk",
        type: "time",
        value: cur ? (cur.selected_time ?? "") : (e.initial_time ?? ""),
        dataset: { actionId: e.action_id ?? "" },
      });
      input.addEventListener("change", () => fire(ctx, block, e, { selected_time: input.value || null }));
      return input;
    }
    case "datetimepicker": {
      const toLocal = (s) => (s ? new Date(s * 1000).toISOString().slice(0, 16) : "");
      const input = h("input", {
        class: "bk",
        type: "datetime-local",
        value: toLocal(cur ? cur.selected_date_time : e.initial_date_time),
      });
      input.addEventListener("change", () =>
        fire(ctx, block, e, {
          selected_date_time: input.value ? Math.floor(new Date(input.value).getTime() / 1000) : null,
        }),
      );
      return input;
    }
    case "checkboxes":
    case "radio_buttons": {
      const multi = e.type === "checkboxes";
      const chosen = new Set(
        multi
          ? (cur?.selected_options ?? e.initial_options ?? []).map((o) => o.value)
          : [(cur ? cur.selected_option : e.initial_option)?.value].filter(Boolean),
      );
      const name = `${ctx.viewId ?? ctx.ts}-${block.block_id}-${e.action_id}`;
      const box = h("div", { class: "choices", dataset: { actionId: e.action_id ?? "" } });
      for (const o of e.options ?? []) {
        const input = h("input", {
          type: multi ? "checkbox" : "radio",
          name,
          value: o.value,
          checked: chosen.has(o.value),
        });
        input.addEventListener("change", () => {
          const picked = [...box.querySelectorAll("input")].filter((i) => i.checked).map((i) => i.value);
          const opts = (e.options ?? []).filter((x) => picked.includes(x.value));
          fire(ctx, block, e, multi ? { selected_options: opts } : { selected_option: opts[0] ?? null });
        });
        box.append(
          h(
            "label",
            { class: "choice" },
            input,
            " ",
            textObject(o.text),
            o.description ? h("small", {}, plain(o.description)) : null,
          ),
        );
      }
      return box;
    }
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const value = cur ? (cur.value ?? "") : (e.initial_value ?? "");
      const attrs = {
        class: "bk",
        value,
        placeholder: plain(e.placeholder),
        maxLength: e.max_length,
        dataset: { actionId: e.action_id ?? "" },
      };
      const type = { email_text_input: "email", url_text_input: "url", number_input: "text" }[e.type] ?? "text";
      const input = e.multiline ? h("textarea", { ...attrs, rows: 4 }) : h("input", { ...attrs, type });
      input.addEventListener("input", () =>
        setValue(ctx, block, e, { value: input.value === "" ? null : input.value }),
      );
      return input;
    }
    case "image":
      return h("img", { src: e.image_url, alt: e.alt_text, width: 48 });
    case "file_input":
      return fileInput(e, block, ctx, cur);
    default:
      return h("span", {}, `[${e.type}]`);
  }
}

/** base64 of a file's bytes, in slices (String.fromCharCode takes only so many arguments). */
async function base64Of(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A file input: the files picked are uploaded to the workspace (as Slack uploads them from its
 * client), and the view's state carries them as Slack's does; the types and the number allowed
 * are checked here, as Slack's client checks them.
 */
function fileInput(e, block, ctx, cur) {
  const types = (e.filetypes ?? []).map((t) => t.toLowerCase());
  const max = e.max_files ?? 10;
  const input = h("input", {
    class: "bk",
    type: "file",
    multiple: max > 1,
    accept: types.length ? types.map((t) => `.${t}`).join(",") : undefined,
    dataset: { actionId: e.action_id ?? "" },
  });
  const picked = h("div", { class: "picked", "data-testid": "picked-files" });
  const show = (files, problem) =>
    fill(
      picked,
      files.map((f) => h("span", { class: "mention" }, `📎 ${f.name}`, " ")),
      problem ? h("div", { class: "error", role: "alert" }, problem) : null,
    );
  show(cur?.files ?? []);
  input.addEventListener("change", async () => {
    const chosen = [...(input.files ?? [])];
    const wrong = chosen.find((f) => types.length && !types.includes(f.name.split(".").pop().toLowerCase()));
    if (chosen.length > max || wrong) {
      input.value = "";
      setValue(ctx, block, e, { files: [] });
      show([], wrong ? `${wrong.name}: only ${types.join(", ")} files` : `At most ${max} file(s)`);
      return;
    }
    show([], "Uploading…");
    const files = [];
    for (const f of chosen) {
      const answer = await post("/ui/file", { user: ui.me, name: f.name, data: await base64Of(f) });
      if (!answer.file) {
        show([], answer.error ?? "The file could not be uploaded");
        return;
      }
      files.push(answer.file);
    }
    setValue(ctx, block, e, { files });
    show(files);
  });
  return h("div", { class: "file-input" }, input, picked);
}

function peopleSelect(e, block, ctx, cur) {
  const multi = e.type === "multi_users_select";
  const chosen = new Set(
    multi ? (cur?.selected_users ?? e.initial_users ?? []) : [cur ? cur.selected_user : e.initial_user],
  );
  const sel = h(
    "select",
    { class: "bk", multiple: multi, dataset: { actionId: e.action_id ?? "" } },
    multi ? null : h("option", { value: "" }, plain(e.placeholder) || "Choose a person…"),
    ui.state.people.map((p) => h("option", { value: p.id, selected: chosen.has(p.id) }, `${p.name} (${p.title})`)),
  );
  sel.addEventListener("change", () => {
    const values = [...sel.selectedOptions].map((o) => o.value).filter(Boolean);
    fire(ctx, block, e, multi ? { selected_users: values } : { selected_user: values[0] ?? null });
  });
  return sel;
}

function channelSelect(e, block, ctx, cur) {
  const multi = e.type === "multi_conversations_select";
  const key = e.type === "channels_select" ? "selected_channel" : "selected_conversation";
  const initial = e.type === "channels_select" ? e.initial_channel : e.initial_conversation;
  const chosen = new Set(
    multi ? (cur?.selected_conversations ?? e.initial_conversations ?? []) : [cur ? cur[key] : initial],
  );
  const sel = h(
    "select",
    { class: "bk", multiple: multi, dataset: { actionId: e.action_id ?? "" } },
    multi ? null : h("option", { value: "" }, plain(e.placeholder) || "Choose a channel…"),
    ui.state.channels
      .filter((c) => c.kind === "channel")
      .map((c) => h("option", { value: c.id, selected: chosen.has(c.id) }, `#${c.name}`)),
  );
  sel.addEventListener("change", () => {
    const values = [...sel.selectedOptions].map((o) => o.value).filter(Boolean);
    fire(ctx, block, e, multi ? { selected_conversations: values } : { [key]: values[0] ?? null });
  });
  return sel;
}

/** An external select: what is typed is asked of the app (block_suggestion), the answer listed. */
function externalSelect(e, block, ctx, cur) {
  const multi = e.type === "multi_external_select";
  let selected = multi
    ? (cur?.selected_options ?? e.initial_options ?? [])
    : [cur ? cur.selected_option : e.initial_option].filter(Boolean);
  const wrap = h("div", { class: "ext-select" });
  const chips = h("div", { class: "chips" });
  const input = h("input", {
    class: "bk",
    type: "text",
    placeholder: plain(e.placeholder) || "Type to search…",
    dataset: { actionId: e.action_id ?? "" },
  });
  const showChips = () => {
    fill(chips, ...selected.map((o) => h("span", { class: "mention" }, plain(o.text), " ")));
    if (!multi) input.value = selected[0] ? plain(selected[0].text) : "";
  };
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value;
    if (query.length < (e.min_query_length ?? 0)) return;
    timer = setTimeout(async () => {
      const { options } = await post("/ui/options", {
        user: ui.me,
        viewId: ctx.kind === "view" ? ctx.viewId : undefined,
        action: { action_id: e.action_id, block_id: block.block_id, type: e.type },
        value: query,
      });
      wrap.querySelector(".popup")?.remove();
      const list = h(
        "div",
        { class: "popup", role: "listbox" },
        options.length === 0 ? h("div", { class: "empty" }, "No matches") : null,
        options.map((o) =>
          h(
            "button",
            {
              role: "option",
              onclick: () => {
                list.remove();
                selected = multi ? [...selected.filter((s) => s.value !== o.value), o] : [o];
                showChips();
                fire(ctx, block, e, multi ? { selected_options: selected } : { selected_option: o });
              },
            },
            plain(o.text),
          ),
        ),
      );
      wrap.append(list);
    }, 200);
  });
  showChips();
  wrap.append(multi ? chips : null, input);
  return wrap;
}

function renderInput(b, ctx) {
  const error = ctx.errors?.[b.block_id];
  const el = renderElement(b.element, b, ctx);
  return h(
    "div",
    { class: `block input-block ${error ? "has-error" : ""}`, dataset: { blockId: b.block_id ?? "" } },
    h(
      "label",
      { class: "lbl" },
      plain(b.label),
      b.optional
        ? h("span", { class: "optional" }, ui.state.me.locale === "el-GR" ? " (προαιρετικό)" : " (optional)")
        : null,
    ),
    el,
    b.hint ? h("div", { class: "hint" }, plain(b.hint)) : null,
    error ? h("div", { class: "error", role: "alert" }, error) : null,
  );
}

// ---------------------------------------------------------------------------------------------
// The screens

function fileCard(f) {
  const ext = f.name.split(".").pop().toUpperCase();
  const isImage = f.mimetype.startsWith("image/");
  return h(
    "a",
    { class: "file", href: f.url, download: f.name, "data-testid": "file" },
    isImage ? h("img", { src: `${f.url}?inline`, alt: f.name }) : h("span", { class: "ext" }, ext),
    h(
      "span",
      {},
      h("b", {}, f.name),
      h("br"),
      h("small", {}, `${Math.max(1, Math.round(f.size / 1024))} KB · download`),
    ),
  );
}

// On a 24-hour clock, as Grafeio writes times everywhere («22:50», not «10:50 μ.μ.»).
function timeOf(ts) {
  return new Date(Number(ts) * 1000).toLocaleTimeString(ui.state.me.locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: ui.state.me.tz,
  });
}

function renderMessage(m, replies) {
  const fromBot = m.user === ui.state.bot.id;
  const name = fromBot ? ui.state.bot.name : personName(m.user);
  const ctx = { kind: "message", channel: m.channel, ts: m.ts };
  const body = h(
    "div",
    { class: "body" },
    h(
      "div",
      {},
      h("span", { class: "who" }, name),
      fromBot ? h("span", { class: "app-tag" }, "APP") : null,
      h("span", { class: "when" }, timeOf(m.ts)),
    ),
    m.ephemeralFor ? h("div", { class: "ephemeral-note" }, "👁 Only visible to you") : null,
    m.blocks?.length ? renderBlocks(m.blocks, ctx) : mrkdwn(m.text),
    m.files?.length ? h("div", {}, m.files.map(fileCard)) : null,
    m.edited ? h("span", { class: "edited" }, "(edited)") : null,
    replies?.length
      ? h(
          "button",
          { class: "thread-link", onclick: () => openThread(m) },
          `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`,
        )
      : null,
  );
  const menu =
    ui.state.shortcuts.length && !m.ephemeralFor
      ? h(
          "button",
          {
            class: "bk menu-btn",
            "aria-label": "Message actions",
            onclick: (ev) => {
              ev.stopPropagation();
              popupMenu(
                ev.currentTarget,
                [
                  ...ui.state.shortcuts.map((s) => ({ text: { text: s.name }, shortcut: s.callbackId })),
                  { text: { text: "Reply in thread" }, reply: true },
                ],
                (o) =>
                  o.reply
                    ? openThread(m)
                    : post("/ui/shortcut", { user: ui.me, channel: m.channel, ts: m.ts, callbackId: o.shortcut }),
              );
            },
          },
          "⋯",
        )
      : null;
  return h(
    "div",
    { class: `msg ${m.ephemeralFor ? "ephemeral" : ""}`, "data-testid": "message", dataset: { ts: m.ts } },
    h("div", { class: `avatar ${fromBot ? "" : "person"}` }, name.slice(0, 1)),
    body,
    menu,
  );
}

function openThread(m) {
  ui.thread = { channel: m.channel, ts: m.ts };
  render();
}

function composer(channel, threadTs) {
  const box = h("textarea", {
    rows: 2,
    placeholder: `Message ${channelName(channel)} — type / for commands`,
    "data-testid": "composer",
  });
  const hints = h("div", { class: "hints", hidden: true });
  let selected = 0;
  const matches = () => {
    const v = box.value.trim();
    if (!v.startsWith("/") || v.includes(" "))
      return v.startsWith("/") ? ui.state.commands.filter((c) => v.split(" ")[0] === c.command) : [];
    return ui.state.commands.filter((c) => c.command.startsWith(v));
  };
  const showHints = () => {
    const list = matches();
    hints.hidden = list.length === 0;
    selected = Math.min(selected, Math.max(0, list.length - 1));
    fill(
      hints,
      ...list.map((c, i) =>
        h(
          "button",
          {
            class: i === selected ? "sel" : "",
            onclick: () => {
              box.value = `${c.command} `;
              box.focus();
              showHints();
            },
          },
          h("b", {}, c.command),
          h("span", { class: "usage" }, c.usageHint),
          h("span", { class: "desc" }, c.description),
        ),
      ),
    );
  };
  box.addEventListener("input", showHints);
  box.addEventListener("keydown", async (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) {
      ev.preventDefault();
      const text = box.value.trim();
      if (!text) return;
      box.value = "";
      hints.hidden = true;
      const answer = await post("/ui/write", { user: ui.me, channel, text, threadTs });
      if (answer.problem) notice(answer.problem);
    }
  });
  return h("div", { class: "composer" }, hints, box);
}

function renderMain() {
  const main = document.getElementById("main");
  const s = ui.state;
  if (ui.channel === "HOME") return renderHome(main);
  if (ui.channel === "OPERATOR") return renderOperator(main);
  const channel = s.channels.find((c) => c.id === ui.channel) ?? s.channels[0];
  ui.channel = channel.id;
  const all = s.messages[channel.id] ?? [];
  const top = all.filter((m) => !m.threadTs || m.threadTs === m.ts);
  const list = h(
    "div",
    { class: "messages", "data-testid": "messages" },
    top.length === 0 ? h("div", { class: "empty" }, "No messages yet. Type / to see the commands.") : null,
    top.map((m) =>
      renderMessage(
        m,
        all.filter((r) => r.threadTs === m.ts && r.ts !== m.ts),
      ),
    ),
  );
  const old = main.querySelector(".messages");
  const atBottom = !old || old.scrollTop + old.clientHeight >= old.scrollHeight - 40;
  const oldComposer = main.querySelector(".composer");
  const keep = oldComposer && oldComposer.dataset.channel === channel.id ? oldComposer : null;
  const comp = keep ?? composer(channel.id);
  comp.dataset.channel = channel.id;
  fill(
    main,
    h(
      "div",
      { class: "channel-head" },
      h("h2", {}, channel.kind === "dm" ? channel.name : `# ${channel.name}`),
      h("small", {}, channel.purpose),
    ),
    list,
    comp,
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
  else list.scrollTop = old.scrollTop;
  renderThread(all);
}

function renderThread(all) {
  const aside = document.getElementById("thread");
  if (!ui.thread || ui.thread.channel !== ui.channel) {
    aside.hidden = true;
    return;
  }
  const parent = all.find((m) => m.ts === ui.thread.ts);
  if (!parent) {
    aside.hidden = true;
    return;
  }
  aside.hidden = false;
  const replies = all.filter((m) => m.threadTs === parent.ts && m.ts !== parent.ts);
  const keep = aside.querySelector(".composer");
  fill(
    aside,
    h(
      "header",
      {},
      h("b", {}, "Thread"),
      h(
        "button",
        {
          class: "bk",
          onclick: () => {
            ui.thread = null;
            render();
          },
        },
        "×",
      ),
    ),
    h(
      "div",
      { class: "messages" },
      renderMessage(parent),
      h("hr", { class: "divider" }),
      replies.map((r) => renderMessage(r)),
    ),
    keep ?? composer(parent.channel, parent.ts),
  );
}

function renderHome(main) {
  const home = ui.state.home;
  fill(
    main,
    h("div", { class: "channel-head" }, h("h2", {}, `${ui.state.bot.name} · Home`)),
    h(
      "div",
      { class: "messages" },
      home
        ? renderBlocks(home.blocks, { kind: "home" })
        : h(
            "div",
            { class: "empty" },
            ui.state.homeEnabled ? "Loading the Home tab…" : "This app has no Home tab yet.",
          ),
    ),
  );
}

async function renderOperator(main) {
  const table = h("tbody");
  const panel = h(
    "div",
    { class: "messages operator", "data-testid": "operator" },
    h(
      "p",
      {},
      "The bot's scheduled jobs. “Run now” runs the occurrence of this minute through the scheduler's own claim (job_runs), as npm run job does: clicked twice in a minute, it runs once.",
    ),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          class: "bk primary",
          "data-testid": "sample",
          onclick: async (ev) => {
            const button = ev.currentTarget;
            button.disabled = true;
            notice("Filling the sample office…");
            try {
              const { result, error } = await post("/ui/sample", {});
              notice(result ?? error);
            } finally {
              button.disabled = false;
            }
          },
        },
        "Fill a sample office",
      ),
    ),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, "Job"), h("th", {}, "Schedule"), h("th", {}, "Last run"), h("th", {}, "")),
      ),
      table,
    ),
  );
  fill(
    main,
    h("div", { class: "channel-head" }, h("h2", {}, "Operator panel"), h("small", {}, "local workspace only")),
    panel,
  );
  const { jobs } = await post("/ui/jobs", {});
  fill(
    table,
    ...jobs.map((j) => {
      const result = h("span", { class: "result" });
      return h(
        "tr",
        { dataset: { job: j.name } },
        h("td", {}, h("b", {}, j.name), h("br"), h("small", {}, j.description ?? "")),
        h("td", {}, j.schedule),
        h("td", {}, j.last ?? "never"),
        h(
          "td",
          {},
          h(
            "button",
            {
              class: "bk",
              onclick: async () => {
                result.textContent = "running…";
                const answer = await post("/ui/run", { job: j.name });
                result.textContent = answer.result ?? answer.error;
              },
            },
            "Run now",
          ),
          " ",
          result,
        ),
      );
    }),
  );
}

function renderSidebar() {
  const s = ui.state;
  const nav = document.getElementById("sidebar");
  const item = (id, label, extra = "") => {
    const msgs = s.messages[id] ?? [];
    const unread = msgs.length > (ui.seen.get(id) ?? 0) && id !== ui.channel;
    return h(
      "button",
      {
        class: `nav ${id === ui.channel ? "active" : ""} ${unread ? "unread" : ""} ${extra}`,
        "data-testid": `nav-${id}`,
        onclick: () => {
          ui.channel = id;
          ui.thread = null;
          localStorage.setItem("grafeio.channel", id);
          if (id === "HOME") post("/ui/home", { user: ui.me });
          render();
        },
      },
      label,
    );
  };
  fill(
    nav,
    h("h3", {}, "Channels"),
    s.channels.filter((c) => c.kind === "channel").map((c) => item(c.id, `# ${c.name}`)),
    h("h3", {}, "Apps"),
    item(s.channels.find((c) => c.kind === "dm").id, `💬 ${s.bot.name}`),
    s.homeEnabled ? item("HOME", "🏠 Home") : null,
    h("h3", {}, "Local workspace"),
    item("OPERATOR", "⚙️ Operator panel"),
  );
  if (ui.channel !== "HOME" && ui.channel !== "OPERATOR")
    ui.seen.set(ui.channel, (s.messages[ui.channel] ?? []).length);
}

function renderPerson() {
  const s = ui.state;
  const sel = document.getElementById("person");
  fill(sel, ...s.people.map((p) => h("option", { value: p.id, selected: p.id === ui.me }, `${p.name} — ${p.title}`)));
  const me = s.me;
  const lang = h(
    "select",
    { "data-testid": "language" },
    h("option", { value: "el-GR", selected: me.locale === "el-GR" }, "Ελληνικά"),
    h("option", { value: "en-US", selected: me.locale === "en-US" }, "English"),
  );
  lang.addEventListener("change", () =>
    post("/ui/person", { user: me.id, name: me.name, locale: lang.value, tz: me.tz }),
  );
  fill(document.getElementById("me-details"), lang, ` ${me.tz}`);
}

function renderModal() {
  const root = document.getElementById("modal-root");
  const stack = ui.state.modals;
  const top = stack[stack.length - 1];
  const key = top
    ? `${top.id}:${top.view.hash}:${JSON.stringify(top.errors)}:${top.problem ?? ""}:${stack.length}`
    : "";
  if (key === ui.modalKey) return;
  ui.modalKey = key;
  if (!top) {
    fill(root);
    return;
  }
  const view = top.view;
  const ctx = { kind: "view", viewId: top.id, errors: top.errors };
  const submit = async () => {
    const btn = root.querySelector("[data-testid=submit]");
    if (btn) btn.disabled = true;
    await post("/ui/submit", { user: ui.me, viewId: top.id, state: stateOf(view) });
    if (btn) btn.disabled = false;
  };
  const close = () => post("/ui/close", { user: ui.me, viewId: top.id });
  const form = h(
    "form",
    {
      class: "modal",
      role: "dialog",
      "aria-modal": "true",
      "data-testid": "modal",
      onsubmit: (ev) => {
        ev.preventDefault();
        submit();
      },
    },
    h(
      "header",
      {},
      h(
        "div",
        {},
        h("h2", {}, plain(view.title)),
        stack.length > 1 ? h("span", { class: "stack" }, `${stack.length} of ${stack.length}`) : null,
      ),
      h("button", { type: "button", class: "x", "aria-label": "Close", onclick: close }, "×"),
    ),
    h(
      "div",
      { class: "modal-body" },
      top.problem ? h("div", { class: "problem", role: "alert" }, top.problem) : null,
      renderBlocks(view.blocks, ctx),
    ),
    h(
      "footer",
      {},
      h(
        "button",
        { type: "button", class: "bk", "data-testid": "close", onclick: close },
        plain(view.close) || "Cancel",
      ),
      view.submit
        ? h("button", { type: "submit", class: "bk primary", "data-testid": "submit" }, plain(view.submit))
        : null,
    ),
  );
  fill(root, h("div", { class: "overlay" }, form));
  form.querySelector("input, textarea, select")?.focus();
}

function render() {
  if (!ui.state) return;
  renderPerson();
  renderSidebar();
  renderMain();
  renderModal();
  for (const n of ui.state.notices) notice(n);
}

/** Refreshes asked for so far: only the newest one's answer is shown. */
let refreshes = 0;

async function refresh() {
  // Two refreshes can overlap (a person switched while an event came in) and their answers arrive
  // in any order: an older answer shown last would leave the page stale until the next event.
  const mine = ++refreshes;
  const asked = ui.me;
  // An answer dropped for a newer one is marked too, so that whoever waits for it (the tests) has
  // something to wait on.
  const dropped = () => {
    document.body.dataset.droppedFor = asked;
  };
  const res = await fetch(`/ui/state?user=${encodeURIComponent(asked)}`);
  if (mine !== refreshes) return dropped();
  if (!res.ok) {
    ui.me = "ULOCADMIN";
    return;
  }
  const state = await res.json();
  if (mine !== refreshes) return dropped();
  ui.state = state;
  // Values of views no longer open are forgotten.
  const open = new Set(ui.state.modals.map((m) => m.id));
  for (const id of ui.values.keys()) if (!open.has(id)) ui.values.delete(id);
  if (ui.channel !== "OPERATOR" || !document.querySelector("[data-testid=operator]")) render();
  else {
    renderSidebar();
    renderModal();
  }
  document.body.dataset.version = String(ui.state.version);
  // Whose state the page shows now (the tests wait on it after switching person).
  document.body.dataset.shownFor = asked;
}

document.getElementById("person").addEventListener("change", (ev) => {
  ui.me = ev.target.value;
  localStorage.setItem("grafeio.as", ui.me);
  ui.modalKey = "";
  ui.values.clear();
  refresh();
});

let queued = false;
const events = new EventSource("/ui/events");
events.onmessage = () => {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    refresh();
  });
};
refresh();
