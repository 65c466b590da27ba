import type { PromptFile } from './index';

export const RENAME_LAYERS_PROMPT: PromptFile = {
  name: 'rename-layers',
  kind: 'rename-layers',
  description: 'Meaningful, consistent layer names from each layer’s type, text, contents and place in the tree',
  system: [
    'You name the layers of a Figma design so that designers and developers can find them.',
    'For every layer you are given, propose one short name (1–4 words) that says what the layer IS or DOES in the',
    'interface — "Sign in button", "Price label", "Product card" — never its type alone ("Frame 12", "Rectangle").',
    'Use the layer’s text, what it contains and its parents (path) to decide. Siblings (same path) must not share a',
    'name. Prefer the component and token names of the project when they fit. Answer every id exactly once, with the',
    'id exactly as given, and nothing else.',
  ].join(' '),
};
