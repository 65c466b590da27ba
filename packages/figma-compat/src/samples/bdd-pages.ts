// Sample pages for BDD generation, shaped like GET /v1/files/:key CANVAS nodes (only the fields generation
// reads, plus paints where structure matters). Written for this project's tests; not a real file.
//  - LOGIN_PAGE: a sign-in form (instances of a "Text Field" set, a checkbox, a primary button linked to the
//    dashboard), a text link, a hyperlink whose text holds double quotes, a side navigation, an overlay with a
//    Close action, a Back action, a URL action, and a prototype flow Login → Dashboard → Profile.
//  - SETTINGS_PAGE: a settings form (switch, select, text field with a Placeholder property, Save button)
//    that the prototype does not link anywhere.
import type { ComponentIndex, FigmaInteraction, FigmaNode } from '../bdd/figma-node';

const stroke = [{ visible: true }];
const fill = [{ visible: true }];
const text = (id: string, characters: string, extra: Partial<FigmaNode> = {}): FigmaNode => ({ id, type: 'TEXT', name: characters, characters, ...extra });
const go = (destinationId: string, navigation = 'NAVIGATE'): FigmaInteraction[] => [
  { trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId, navigation }] },
];

/** The `components` / `componentSets` maps of the sample file. */
export const SAMPLE_COMPONENT_INDEX: ComponentIndex = {
  components: {
    '10:1': { name: 'State=Default', componentSetId: '10:0' },
    '11:1': { name: 'Checked=False', componentSetId: '11:0' },
    '12:1': { name: 'Size=Medium, Variant=Primary', componentSetId: '12:0' },
    '13:1': { name: 'On=False', componentSetId: '13:0' },
    '14:1': { name: 'Dropdown' },
  },
  componentSets: { '10:0': { name: 'Text Field' }, '11:0': { name: 'Checkbox' }, '12:0': { name: 'Button' }, '13:0': { name: 'Switch' } },
};

/** A login flow: form, links, navigation, overlay, and a prototype flow (see the top of this file). */
export const LOGIN_PAGE: FigmaNode = {
  id: '0:1',
  type: 'CANVAS',
  name: 'Login flow',
  flowStartingPoints: [{ nodeId: '1:1', name: 'Sign-in flow' }],
  children: [
    {
      id: '1:1',
      type: 'FRAME',
      name: 'Login',
      children: [
        text('1:2', 'Welcome back'),
        {
          id: '1:3',
          type: 'FRAME',
          name: 'Form',
          children: [
            text('1:4', 'Email'),
            { id: '1:5', type: 'INSTANCE', name: 'Input', componentId: '10:1', strokes: stroke, children: [text('1:6', 'you@example.com')] },
            text('1:7', 'Password'),
            { id: '1:8', type: 'INSTANCE', name: 'Input', componentId: '10:1', strokes: stroke, children: [text('1:9', '••••••••')] },
            { id: '1:10', type: 'INSTANCE', name: 'Checkbox', componentId: '11:1', strokes: stroke, children: [] },
            text('1:11', 'Remember me'),
            { id: '1:12', type: 'INSTANCE', name: 'Button', componentId: '12:1', fills: fill, interactions: go('2:1'), children: [text('1:13', 'Sign in')] },
          ],
        },
        text('1:14', 'Forgot password?', { interactions: go('3:1') }),
        text('1:15', 'Read the "terms" first', { style: { hyperlink: { type: 'URL', url: 'https://example.com/terms?a=1|b' } } }),
        { id: '1:16', type: 'FRAME', name: 'Hidden promo', visible: false, interactions: go('5:1'), children: [text('1:17', 'Never shown')] },
      ],
    },
    {
      id: '2:1',
      type: 'FRAME',
      name: 'Dashboard',
      children: [
        text('2:2', 'Your projects'),
        {
          id: '2:3',
          type: 'FRAME',
          name: 'Sidebar nav',
          children: [
            { id: '2:4', type: 'FRAME', name: 'Item', interactions: go('4:1'), children: [text('2:5', 'Profile')] },
            { id: '2:6', type: 'FRAME', name: 'Item', interactions: go('5:1', 'OVERLAY'), children: [text('2:7', 'Help')] },
          ],
        },
      ],
    },
    {
      id: '3:1',
      type: 'FRAME',
      name: 'Reset password',
      children: [
        { id: '3:2', type: 'INSTANCE', name: 'Back button', componentId: '12:1', fills: fill, interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'BACK' }] }], children: [text('3:3', 'Back')] },
        { id: '3:4', type: 'FRAME', name: 'Email field', strokes: stroke, children: [text('3:5', 'Enter your email')] },
        { id: '3:6', type: 'INSTANCE', name: 'Button', componentId: '12:1', fills: fill, interactions: go('1:1'), children: [text('3:7', 'Send link')] },
      ],
    },
    {
      id: '4:1',
      type: 'FRAME',
      name: 'Profile',
      children: [
        text('4:2', 'Ada Lovelace'),
        text('4:3', 'Docs', { interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'URL', url: 'https://example.com/docs' }] }] }),
      ],
    },
    {
      id: '5:1',
      type: 'FRAME',
      name: 'Help',
      children: [
        text('5:2', 'How can we help?'),
        { id: '5:3', type: 'INSTANCE', name: 'Close', componentId: '12:1', fills: fill, interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'CLOSE' }] }], children: [text('5:4', 'Close')] },
      ],
    },
  ],
};

/** A settings form the prototype does not link. */
export const SETTINGS_PAGE: FigmaNode = {
  id: '0:2',
  type: 'CANVAS',
  name: 'Settings',
  children: [
    {
      id: '6:1',
      type: 'FRAME',
      name: 'Settings',
      children: [
        text('6:2', 'Settings'),
        { id: '6:3', type: 'INSTANCE', name: 'Toggle', componentId: '13:1', fills: fill, children: [] },
        text('6:4', 'Email notifications'),
        { id: '6:5', type: 'INSTANCE', name: 'Language', componentId: '14:1', strokes: stroke, children: [text('6:6', 'English')] },
        {
          id: '6:7',
          type: 'INSTANCE',
          name: 'Display name',
          componentId: '10:1',
          componentProperties: { 'Placeholder#1:2': { type: 'TEXT', value: 'Your name' } },
          strokes: stroke,
          children: [text('6:8', 'Your name')],
        },
        { id: '6:9', type: 'INSTANCE', name: 'Button', componentId: '12:1', fills: fill, children: [text('6:10', 'Save')] },
      ],
    },
  ],
};
