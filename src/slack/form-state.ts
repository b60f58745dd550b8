// A submitted form's values, decoded: what Slack hands back in `view.state.values` is read through a
// schema, field by field, never cast. A field of a shape Slack never sends reads as not given, which
// the area's validation then answers under that field like an empty one.
import { z } from "zod";

const fieldValue = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_option: z.object({ value: z.string().optional() }).nullish(),
  selected_options: z.array(z.object({ value: z.string().optional() })).nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  // A file_input: only the id is used (the file's address is asked of Slack, files.info).
  files: z.array(z.object({ id: z.string(), name: z.string().optional() })).nullish(),
});
type FieldValue = z.infer<typeof fieldValue>;

/** What a form's listener reads: each block's input by its block id. */
export interface FormState {
  text(block: string): string | undefined;
  date(block: string): string | undefined;
  time(block: string): string | undefined;
  choice(block: string): string | undefined;
  choices(block: string): string[];
  /** A checkbox block with at least one box ticked. */
  checked(block: string): boolean;
  user(block: string): string | undefined;
  users(block: string): string[];
  files(block: string): { id: string; name?: string }[];
}

/**
 * Reads `view.state` whose inputs carry one of `actionIds` (the kit's forms use one action id for
 * every input, "value").
 */
export function formState(state: unknown, actionIds: readonly string[] = ["value"]): FormState {
  const values = z.object({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }).safeParse(state);
  const blocks = values.success ? values.data.values : {};
  const field = (block: string): FieldValue | undefined => {
    const actions = blocks[block];
    if (!actions) return undefined;
    for (const id of actionIds) {
      const parsed = fieldValue.safeParse(actions[id]);
      if (actions[id] !== undefined && parsed.success) return parsed.data;
    }
    return undefined;
  };
  const choices = (b: string) => (field(b)?.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : []));
  return {
    text: (b) => field(b)?.value ?? undefined,
    date: (b) => field(b)?.selected_date ?? undefined,
    time: (b) => field(b)?.selected_time ?? undefined,
    choice: (b) => field(b)?.selected_option?.value,
    choices,
    checked: (b) => (field(b)?.selected_options ?? []).length > 0,
    user: (b) => field(b)?.selected_user ?? undefined,
    users: (b) => field(b)?.selected_users ?? [],
    files: (b) => field(b)?.files ?? [],
  };
}
