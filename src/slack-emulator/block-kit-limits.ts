// Slack's Block Kit limits (blocks, text lengths, titles, options, from Slack's Block Kit
// reference), as the fake Web API enforces them.
// Returns the first problem found, as Slack would name it, or undefined.

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string => (isObj(v) && typeof v.text === "string" ? v.text : "");
const len = (s: string) => Array.from(s).length;

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  placeholder: 150,
  id: 255,
  inputMaxLength: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 75,
  checkboxOptions: 10,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  viewBytes: 250_000,
  messageText: 40_000,
} as const;

function checkOptions(options: unknown, where: string, max: number = LIMITS.selectOptions): string | undefined {
  if (!Array.isArray(options)) return undefined;
  if (options.length > max) return `${where}: more than ${max} options`;
  for (const o of options) {
    if (!isObj(o)) return `${where}: option is not an object`;
    if (len(textOf(o.text)) === 0 || len(textOf(o.text)) > LIMITS.optionText)
      return `${where}: option text must be 1-${LIMITS.optionText} chars`;
    if (typeof o.value !== "string" || len(o.value) === 0 || len(o.value) > LIMITS.optionValue)
      return `${where}: option value must be 1-${LIMITS.optionValue} chars`;
  }
  return undefined;
}

function checkElement(el: unknown, where: string): string | undefined {
  if (!isObj(el) || typeof el.type !== "string") return `${where}: element without a type`;
  if (typeof el.action_id === "string" && len(el.action_id) > LIMITS.id) return `${where}: action_id too long`;
  if (el.placeholder && len(textOf(el.placeholder)) > LIMITS.placeholder) return `${where}: placeholder too long`;
  switch (el.type) {
    case "button":
      if (len(textOf(el.text)) === 0 || len(textOf(el.text)) > LIMITS.buttonText)
        return `${where}: button text must be 1-75 chars`;
      if (typeof el.value === "string" && len(el.value) > LIMITS.buttonValue) return `${where}: button value too long`;
      if (typeof el.url === "string" && len(el.url) > LIMITS.buttonUrl) return `${where}: button url too long`;
      return undefined;
    case "static_select":
    case "multi_static_select": {
      const groups = Array.isArray(el.option_groups) ? el.option_groups : undefined;
      if (!groups && !Array.isArray(el.options)) return `${where}: select without options`;
      const problem = checkOptions(el.options, where);
      if (problem) return problem;
      if (el.initial_option && Array.isArray(el.options)) {
        const initial = el.initial_option as Json;
        if (!(el.options as Json[]).some((o) => o.value === initial.value))
          return `${where}: initial_option not among options`;
      }
      if (Array.isArray(el.initial_options) && Array.isArray(el.options)) {
        const values = new Set((el.options as Json[]).map((o) => o.value));
        if ((el.initial_options as Json[]).some((o) => !values.has(o.value)))
          return `${where}: initial_options not among options`;
      }
      return undefined;
    }
    case "overflow":
      if (!Array.isArray(el.options) || el.options.length < 1 || el.options.length > 5)
        return `${where}: overflow needs 1-5 options`;
      return checkOptions(el.options, where, 5);
    case "radio_buttons":
    case "checkboxes":
      return checkOptions(el.options, where, LIMITS.checkboxOptions);
    case "plain_text_input":
      if (typeof el.max_length === "number" && el.max_length > LIMITS.inputMaxLength)
        return `${where}: max_length over 3000`;
      if (
        typeof el.initial_value === "string" &&
        typeof el.max_length === "number" &&
        len(el.initial_value) > el.max_length
      )
        return `${where}: initial_value longer than max_length`;
      return undefined;
    case "datepicker":
      if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date)))
        return `${where}: bad initial_date`;
      return undefined;
    default:
      return undefined;
  }
}

export function checkBlocks(blocks: unknown, maxBlocks: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return "blocks must be an array";
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks`;
  const ids = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const where = `blocks[${i}]`;
    if (!isObj(block) || typeof block.type !== "string") return `${where}: block without a type`;
    if (typeof block.block_id === "string") {
      if (len(block.block_id) > LIMITS.id) return `${where}: block_id too long`;
      if (ids.has(block.block_id)) return `${where}: duplicate block_id`;
      ids.add(block.block_id);
    }
    switch (block.type) {
      case "section": {
        const text = textOf(block.text);
        if (!block.text && !block.fields) return `${where}: section needs text or fields`;
        if (block.text && (len(text) === 0 || len(text) > LIMITS.sectionText))
          return `${where}: section text must be 1-3000 chars`;
        if (Array.isArray(block.fields)) {
          if (block.fields.length > LIMITS.sectionFields) return `${where}: more than 10 fields`;
          if (block.fields.some((f) => len(textOf(f)) > LIMITS.fieldText)) return `${where}: field over 2000 chars`;
        }
        if (block.accessory) return checkElement(block.accessory, `${where}.accessory`);
        break;
      }
      case "header":
        if (len(textOf(block.text)) === 0 || len(textOf(block.text)) > LIMITS.headerText)
          return `${where}: header must be 1-150 chars`;
        break;
      case "actions": {
        if (!Array.isArray(block.elements) || block.elements.length === 0) return `${where}: actions without elements`;
        if (block.elements.length > LIMITS.actionsElements) return `${where}: more than 25 elements`;
        for (const [j, el] of block.elements.entries()) {
          const p = checkElement(el, `${where}.elements[${j}]`);
          if (p) return p;
        }
        break;
      }
      case "context":
        if (!Array.isArray(block.elements) || block.elements.length === 0) return `${where}: context without elements`;
        if (block.elements.length > LIMITS.contextElements) return `${where}: more than 10 context elements`;
        break;
      case "input": {
        if (len(textOf(block.label)) === 0 || len(textOf(block.label)) > 2000)
          return `${where}: input label must be 1-2000 chars`;
        const p = checkElement(block.element, `${where}.element`);
        if (p) return p;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** Problems with a modal view: `[error, detail]`, with Slack's error code. */
export function checkView(view: unknown): [string, string] | undefined {
  if (!isObj(view)) return ["invalid_arguments", "view must be an object"];
  if (JSON.stringify(view).length > LIMITS.viewBytes) return ["view_too_large", "view over 250 kB"];
  if (view.type !== "modal" && view.type !== "home") return ["invalid_arguments", "view type must be modal or home"];
  if (view.type === "modal") {
    for (const key of ["title", "submit", "close"] as const) {
      const t = view[key];
      if (key === "title" && !t) return ["invalid_arguments", "modal needs a title"];
      if (t && (len(textOf(t)) === 0 || len(textOf(t)) > LIMITS.modalTitle))
        return ["invalid_arguments", `[ERROR] must be less than 25 characters [json-pointer:/view/${key}/text]`];
    }
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === "input");
    if (hasInput && !view.submit) return ["invalid_arguments", "a modal with inputs needs a submit button"];
  }
  if (typeof view.private_metadata === "string" && len(view.private_metadata) > LIMITS.privateMetadata)
    return ["invalid_arguments", "private_metadata over 3000 chars"];
  if (typeof view.callback_id === "string" && len(view.callback_id) > LIMITS.id)
    return ["invalid_arguments", "callback_id too long"];
  const problem = checkBlocks(view.blocks, LIMITS.viewBlocks);
  return problem ? ["invalid_blocks", problem] : undefined;
}

export function checkMessage(args: Json): [string, string] | undefined {
  const text = typeof args.text === "string" ? args.text : "";
  if (!text && !args.blocks && !args.attachments) return ["no_text", "a message needs text or blocks"];
  if (len(text) > LIMITS.messageText) return ["msg_too_long", "text over 40000 chars"];
  const problem = checkBlocks(args.blocks, LIMITS.messageBlocks);
  return problem ? ["invalid_blocks", problem] : undefined;
}
