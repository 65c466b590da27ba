// Test helper (not shipped code): the subset of Mermaid flowchart syntax toMermaid writes, line by line. A label
// is one double-quoted string whose only `#` start entity codes and that holds none of the characters that end it
// or read as HTML.
const LABEL = String.raw`"(?:[^"#<>&|\x60\n]|#(?:\d+|[a-z]+);)*"`;
const ID = String.raw`(?:s_|x_|f|nav_)[A-Za-z0-9_]+`;
const SHAPES = [`\\[${LABEL}\\]`, `\\(${LABEL}\\)`, `\\[\\[${LABEL}\\]\\]`, `\\[/${LABEL}/\\]`, `\\(\\[${LABEL}\\]\\)`, `\\(\\(${LABEL}\\)\\)`, `\\{\\{${LABEL}\\}\\}`];
const LINE = new RegExp(
  [
    `^flowchart (LR|RL|TB|TD|BT)$`,
    `^  ${ID}(${SHAPES.join('|')})$`,
    `^  ${ID} (-->|-\\.->|==>)\\|${LABEL}\\| ${ID}$`,
    `^  f\\d+ --> ${ID}$`,
    `^  classDef [a-zA-Z]+ [^\\s;]+(?: [^\\s;]+)*$`,
    `^  class ${ID}(,${ID})* [a-zA-Z]+$`,
  ].join('|'),
);

/** Throws on the first line outside the grammar above, and on an edge to an undeclared node. */
export function checkMermaid(text: string): void {
  const lines = text.trimEnd().split('\n');
  const declared = new Set<string>();
  for (const line of lines) {
    if (!LINE.test(line)) throw new Error(`not valid: ${JSON.stringify(line)}`);
    const decl = new RegExp(`^  (${ID})[\\[({]`).exec(line);
    if (decl) declared.add(decl[1]!);
    const edge = new RegExp(`^  (${ID}) \\S+ (?:\\|${LABEL}\\| )?(${ID})$`).exec(line);
    if (edge) for (const id of [edge[1]!, edge[2]!]) if (!declared.has(id)) throw new Error(`edge to undeclared ${id}: ${line}`);
  }
}
