/**
 * A generated GET /v1/files/:key/variables/local response of any size, shaped like a real design system: colour
 * primitives (1 mode), semantic colours aliasing them (light/dark), spacing and radii with scopes, a density
 * collection (3 modes, half aliases), typography strings and weights, feature flags (BOOLEAN/STRING), a few
 * library aliases found by key and a few to a library no source holds. Deterministic: the same `count` gives
 * the same file.
 */

type Json = Record<string, unknown>;

const SHARES: Array<[collection: string, share: number]> = [
  ['Primitives', 0.5],
  ['Semantic', 0.3],
  ['Density', 0.075],
  ['Typography', 0.075],
  ['Flags', 0.05],
];

const MODES: Record<string, string[]> = {
  Primitives: ['Value'],
  Semantic: ['Light', 'Dark'],
  Density: ['Comfortable', 'Compact', 'Spacious'],
  Typography: ['Value'],
  Flags: ['Off', 'On'],
};

/** A variables response with `count` variables. */
export function generateVariables(count: number): { status: number; error: boolean; meta: { variables: Record<string, Json>; variableCollections: Record<string, Json> } } {
  const variables: Record<string, Json> = {};
  const variableCollections: Record<string, Json> = {};
  let rand = 42;
  const next = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const key = (n: number) => n.toString(16).padStart(40, '0');
  const primitives: string[] = [];
  const floats: string[] = [];
  let made = 0;
  SHARES.forEach(([name, share], ci) => {
    const cid = `VariableCollectionId:${ci + 1}:0`;
    const modes = MODES[name]!.map((m, i) => ({ modeId: `${ci + 1}:${i}`, name: m }));
    const n = ci === SHARES.length - 1 ? count - made : Math.round(count * share);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `VariableID:${ci + 1}:${i + 1}`;
      const values: Json = {};
      let type = 'COLOR';
      let scopes = ['ALL_SCOPES'];
      let vname = '';
      for (const [mi, m] of modes.entries()) {
        if (name === 'Primitives') {
          if (i % 5 === 4) {
            type = 'FLOAT';
            scopes = i % 10 === 4 ? ['GAP', 'WIDTH_HEIGHT'] : ['CORNER_RADIUS'];
            vname = `${i % 10 === 4 ? 'space' : 'radius'}/${Math.floor(i / 10)}`;
            values[m.modeId] = Math.round(next() * 64);
          } else {
            vname = `color/hue-${i % 40}/${Math.floor(i / 40) * 10}`;
            values[m.modeId] = { r: next(), g: next(), b: next(), a: i % 7 === 0 ? 0.5 : 1 };
          }
        } else if (name === 'Semantic') {
          vname = `color/${['bg', 'text', 'border', 'icon'][i % 4]}/${Math.floor(i / 4)}`;
          scopes = ['ALL_FILLS', 'STROKE_COLOR'];
          const colours = primitives.length ? primitives : [''];
          const target = colours[Math.floor(next() * colours.length)]!;
          if (i % 500 === 7) values[m.modeId] = { type: 'VARIABLE_ALIAS', id: `VariableID:${key(0xbad)}/9:${i}` };
          else if (i % 500 === 11) values[m.modeId] = { type: 'VARIABLE_ALIAS', id: `VariableID:${key(1 + (i % 4))}/8:${i}` };
          else values[m.modeId] = { type: 'VARIABLE_ALIAS', id: target };
        } else if (name === 'Density') {
          type = 'FLOAT';
          scopes = ['GAP'];
          vname = `space/${Math.floor(i / 10)}/${i % 10}`;
          values[m.modeId] = i % 2 && floats.length ? { type: 'VARIABLE_ALIAS', id: floats[(i + mi) % floats.length] } : 4 * (mi + 1) + (i % 8);
        } else if (name === 'Typography') {
          type = i % 3 === 2 ? 'FLOAT' : 'STRING';
          scopes = type === 'FLOAT' ? ['FONT_WEIGHT'] : ['FONT_FAMILY'];
          vname = `font/${type === 'FLOAT' ? 'weight' : 'family'}/${i}`;
          values[m.modeId] = type === 'FLOAT' ? 100 * (1 + (i % 9)) : ['Inter', 'IBM Plex Sans', 'Georgia'][i % 3];
        } else {
          type = i % 2 ? 'BOOLEAN' : 'STRING';
          scopes = [];
          vname = `flags/${i}`;
          values[m.modeId] = type === 'BOOLEAN' ? mi === 1 : `variant-${mi}`;
        }
      }
      variables[id] = { id, name: vname, key: key(ci * 1_000_000 + i + 1), variableCollectionId: cid, resolvedType: type, valuesByMode: values, remote: false, description: '', hiddenFromPublishing: false, scopes, codeSyntax: {} };
      ids.push(id);
      if (name === 'Primitives') (type === 'COLOR' ? primitives : floats).push(id);
    }
    made += n;
    variableCollections[cid] = { id: cid, name, key: key(9_000_000 + ci), modes, defaultModeId: modes[0]!.modeId, remote: false, hiddenFromPublishing: false, variableIds: ids };
  });
  return { status: 200, error: false, meta: { variables, variableCollections } };
}
