// Sample prototype (written for COGO, not copied): a GET /v1/files/:key response of a small shop with every
// trigger and action kind of @figma/rest-api-spec. Page "Prototype" (0:1) has two flows (Onboarding, Checkout),
// overlays, BACK/CLOSE, a URL, a two-branch CONDITIONAL with a SET_VARIABLE, the legacy transitionNodeID form (alone,
// and filling a `destinationId: null`), an unreachable screen ("Old onboarding"), a dead end ("Profile"), a flow
// end ("Payment success"), a broken link and a link without destination. Page "Components" (0:2) holds the Toggle
// variants that a CHANGE_TO on the prototype page targets.

type Json = Record<string, unknown>;

const node = (id: string, type: string, name: string, extra: Json = {}): Json => ({ id, type, name, ...extra });
const frame = (id: string, name: string, children: Json[], extra: Json = {}): Json => node(id, 'FRAME', name, { children, ...extra });
const on = (trigger: Json, ...actions: Json[]): Json => ({ trigger, actions });
const go = (destinationId: string | null, navigation: string, transition: Json | null = null): Json => ({ type: 'NODE', destinationId, navigation, transition });
const click = { type: 'ON_CLICK' };
const dissolve = { type: 'DISSOLVE', duration: 300, easing: { type: 'EASE_OUT' } };
const push = { type: 'PUSH', direction: 'LEFT', duration: 400, easing: { type: 'EASE_IN_AND_OUT' } };

/** Variable ids of the sample, with their names (what a /variables/local response would give). */
export const SAMPLE_FLOW_VARIABLES = {
  'VariableID:1:1': 'isValid',
  'VariableID:1:2': 'loggedIn',
  'VariableID:1:3': 'promoWatched',
} as const;

const welcome = frame(
  '1:1',
  'Welcome',
  [
    node('1:2', 'INSTANCE', 'Get started', { interactions: [on(click, go('1:10', 'NAVIGATE', push))] }),
    node('1:4', 'TEXT', 'Learn more', { interactions: [on(click, { type: 'URL', url: 'https://example.com/about?a=1&b="x"#top' })] }),
    node('1:5', 'VECTOR', 'Help icon', { interactions: [on({ type: 'ON_HOVER' }, go('1:30', 'OVERLAY', dissolve))] }),
    node('1:6', 'TEXT', 'Hidden link', { visible: false, interactions: [on(click, go('1:50', 'NAVIGATE'))] }),
  ],
  { interactions: [on({ type: 'AFTER_TIMEOUT', timeout: 5000 }, go('1:10', 'NAVIGATE', dissolve))] },
);

const signIn = frame('1:10', 'Sign in', [
  node('1:11', 'INSTANCE', 'Sign in button', {
    interactions: [
      on(click, {
        type: 'CONDITIONAL',
        conditionalBlocks: [
          {
            condition: {
              type: 'EXPRESSION',
              resolvedType: 'BOOLEAN',
              value: {
                expressionFunction: 'EQUALS',
                expressionArguments: [
                  { type: 'VARIABLE_ALIAS', resolvedType: 'BOOLEAN', value: { type: 'VARIABLE_ALIAS', id: 'VariableID:1:1' } },
                  { type: 'BOOLEAN', resolvedType: 'BOOLEAN', value: true },
                ],
              },
            },
            actions: [
              { type: 'SET_VARIABLE', variableId: 'VariableID:1:2', variableValue: { type: 'BOOLEAN', resolvedType: 'BOOLEAN', value: true } },
              go('1:20', 'NAVIGATE', { type: 'SMART_ANIMATE', duration: 250, easing: { type: 'GENTLE' } }),
            ],
          },
          { actions: [go('1:31', 'OVERLAY')] },
        ],
      }),
    ],
  }),
  node('1:12', 'INSTANCE', 'Back', { interactions: [on(click, { type: 'BACK' })] }),
  node('1:13', 'INSTANCE', 'Email field', { interactions: [on({ type: 'ON_KEY_DOWN', device: 'KEYBOARD', keyCodes: [13] }, go('1:20', 'NAVIGATE'))] }),
  node('1:14', 'INSTANCE', 'Theme switch', {
    interactions: [on({ type: 'MOUSE_DOWN', delay: 0 }, { type: 'SET_VARIABLE_MODE', variableCollectionId: 'VariableCollectionId:1:1', variableModeId: '1:2' })],
  }),
]);

const home = frame('1:20', 'Home', [
  node('1:25', 'FRAME', 'Header', { children: [] }),
  node('1:21', 'INSTANCE', 'Menu button', { interactions: [on(click, go('1:32', 'OVERLAY', { type: 'MOVE_IN', direction: 'RIGHT', duration: 200, easing: { type: 'EASE_OUT' } }))] }),
  node('1:22', 'FRAME', 'Promo video', {
    interactions: [
      on({ type: 'ON_MEDIA_HIT', mediaHitTime: 5 }, { type: 'SET_VARIABLE', variableId: 'VariableID:1:3', variableValue: { type: 'BOOLEAN', resolvedType: 'BOOLEAN', value: true } }),
      on({ type: 'ON_MEDIA_END' }, go('1:50', 'SWAP')),
    ],
  }),
  node('1:23', 'INSTANCE', 'Play button', { interactions: [on(click, { type: 'UPDATE_MEDIA_RUNTIME', destinationId: '1:22', mediaAction: 'TOGGLE_PLAY_PAUSE' })] }),
  node('1:24', 'TEXT', 'Back to top', { interactions: [on(click, go('1:25', 'SCROLL_TO', { type: 'SCROLL_ANIMATE', duration: 300, easing: { type: 'EASE_OUT' } }))] }),
  node('1:26', 'INSTANCE', 'Toggle', { children: [node('1:27', 'FRAME', 'Knob', { interactions: [on(click, go('5:2', 'CHANGE_TO'))] })] }),
  node('1:28', 'INSTANCE', 'Product card', { interactions: [on({ type: 'ON_DRAG' }, go('2:1', 'NAVIGATE', push))] }),
  node('1:29', 'INSTANCE', 'Avatar', {
    interactions: [
      on({ type: 'ON_PRESS' }, go('1:50', 'NAVIGATE')),
      on({ type: 'MOUSE_ENTER', delay: 200 }, go('1:30', 'OVERLAY')),
      on({ type: 'MOUSE_LEAVE', delay: 0 }, { type: 'CLOSE' }),
    ],
  }),
]);

const helpTooltip = frame('1:30', 'Help tooltip', [], { interactions: [on({ type: 'MOUSE_LEAVE', delay: 0 }, { type: 'CLOSE' })] });
const errorDialog = frame('1:31', 'Error dialog', [node('1:34', 'INSTANCE', 'OK', { interactions: [on(click, { type: 'CLOSE' })] })]);
const menu = frame('1:32', 'Menu', [
  node('1:35', 'TEXT', 'Profile link', { interactions: [on(click, go('1:50', 'NAVIGATE'))] }),
  node('1:36', 'INSTANCE', 'Close', { interactions: [on({ type: 'MOUSE_UP', delay: 0 }, { type: 'CLOSE' })] }),
]);
const profile = frame('1:50', 'Profile', [node('1:51', 'TEXT', 'Your profile')]);

const cart = frame('2:1', 'Cart', [
  node('2:2', 'INSTANCE', 'Pay', { interactions: [on(click, go('2:10', 'NAVIGATE', dissolve))] }),
  node('2:3', 'TEXT', 'Broken link', { interactions: [on(click, go('9:999', 'NAVIGATE'))] }),
  node('2:4', 'TEXT', 'Legacy next', { transitionNodeID: '2:10', transitionDuration: 200, transitionEasing: 'EASE_IN' }),
  node('2:5', 'INSTANCE', 'Apply coupon', { interactions: [on(click, go(null, 'NAVIGATE'))], transitionNodeID: '2:10' }),
  node('2:6', 'INSTANCE', 'Unset link', { interactions: [on(click, go(null, 'NAVIGATE'))] }),
]);
const success = frame('2:10', 'Payment success', [node('2:11', 'TEXT', 'Thanks!')]);
const oldOnboarding = frame('3:1', 'Old onboarding', [node('3:2', 'INSTANCE', 'Next', { interactions: [on(click, go('1:1', 'NAVIGATE'))] })]);
const notes = node('3:9', 'TEXT', 'Designer notes', { characters: 'not a screen' });

const toggleSet = node('5:1', 'COMPONENT_SET', 'Toggle', {
  children: [
    node('5:2', 'COMPONENT', 'State=On', { children: [node('5:4', 'FRAME', 'Knob', { interactions: [on(click, go('5:3', 'CHANGE_TO'))] })] }),
    node('5:3', 'COMPONENT', 'State=Off', { children: [node('5:5', 'FRAME', 'Knob', { interactions: [on(click, go('5:2', 'CHANGE_TO'))] })] }),
  ],
});

/** The sample file response: two pages, flows on the first. */
export const SAMPLE_FLOW_FILE = {
  name: 'Shop prototype',
  version: '1001',
  document: node('0:0', 'DOCUMENT', 'Document', {
    children: [
      node('0:1', 'CANVAS', 'Prototype', {
        flowStartingPoints: [
          { nodeId: '1:1', name: 'Onboarding' },
          { nodeId: '2:1', name: 'Checkout' },
        ],
        prototypeStartNodeID: '1:1',
        children: [
          welcome,
          node('1:9', 'SECTION', 'Auth', { children: [signIn] }),
          home,
          helpTooltip,
          errorDialog,
          menu,
          profile,
          cart,
          success,
          oldOnboarding,
          notes,
        ],
      }),
      node('0:2', 'CANVAS', 'Components', { flowStartingPoints: [], prototypeStartNodeID: null, children: [toggleSet] }),
    ],
  }),
  components: {},
  componentSets: {},
  styles: {},
};

/** An old file: links only as transitionNodeID, the start only as the deprecated prototypeStartNodeID. */
export const SAMPLE_LEGACY_FLOW_PAGE = node('0:1', 'CANVAS', 'Legacy', {
  prototypeStartNodeID: '10:1',
  children: [
    frame('10:1', 'Intro', [node('10:2', 'TEXT', 'Next', { transitionNodeID: '10:5', transitionDuration: 300, transitionEasing: 'EASE_OUT' })]),
    frame('10:5', 'Done', [node('10:6', 'TEXT', 'Again', { transitionNodeID: '10:1' })]),
    frame('10:9', 'Orphan', []),
  ],
});
