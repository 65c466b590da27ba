/**
 * A sample project for bench/rag-hybrid.ts: the design system and documents of "Tidewater", an invented
 * project-management app, written for this bench (no outside data). Components and pages are `public.components` /
 * `public.pages`-shaped rows rendered by the design knowledge index's own renderers (design-documents.ts), so their
 * documents read exactly as the index stores them; tokens, flows and notes are what a team would send to
 * `/rag/ingest` (markdown). Then 38 queries with graded labels per document: 2 = the answer, 1 = related.
 * The queries mix the words the design uses ("primary button") with paraphrases ("the popup that asks before
 * deleting"), as people ask chat. A page that lists a component is graded 1 (related) for that component's queries.
 */
import type { RagIngestItem } from '../../packages/types/src/rag';
import { componentDocument, pageDocument, type ComponentRow, type PageRow } from '../../apps/api/src/modules/rag/design-documents';

export type SampleItem = RagIngestItem & { source: 'doc' | 'page' | 'component' | 'token' | 'flow'; title: string; metadata: Record<string, unknown> };

const FILE = 'TIDEWATERDS1';
let node = 100;
const nextNode = () => `${node++}:${node % 7}`;

interface SetSpec {
  id: string;
  name: string;
  page: string;
  description: string;
  definitions?: Record<string, { type: string; options?: string[]; default?: unknown }>;
  tokens?: Record<string, string>;
  /** Variant rows of the set: id suffix → variant values. */
  variants?: Record<string, Record<string, string>>;
  type?: 'COMPONENT_SET' | 'COMPONENT' | 'FRAME';
}

const PAGES: Array<{ id: string; name: string; description: string; data?: Record<string, string> }> = [
  { id: 'p-components', name: 'Components', description: 'The library: every reusable control of Tidewater, with its variants and bound tokens.' },
  { id: 'p-navigation', name: 'Navigation', description: 'How people move around the app: the top bar, the left sidebar, tabs, breadcrumbs and paging.' },
  { id: 'p-feedback', name: 'Feedback and overlays', description: 'Everything that tells people what happened or asks them something: toasts, alerts, dialogs, tooltips, progress.' },
  { id: 'p-login', name: 'Sign in', description: 'The sign-in screen: email and password fields, a remember-me checkbox, single sign-on with Google, and the forgot-password link.', data: { status: 'ready for dev' } },
  { id: 'p-dashboard', name: 'Dashboard', description: 'Home after sign-in: project cards with progress, a chart of tasks completed this week, and the activity feed.', data: { status: 'in review' } },
  { id: 'p-settings', name: 'Settings / Notifications', description: 'Account settings, notification preferences per channel (email, push, in-app) with switches, and the dark theme toggle.' },
  { id: 'p-checkout', name: 'Billing / Checkout', description: 'Upgrading a workspace: plan summary, card details form, billing address and the pay button with the total per month.' },
  { id: 'p-onboarding', name: 'Onboarding', description: 'First run for a new workspace: welcome, invite teammates, create the first project, a three-step progress indicator.' },
  { id: 'p-empty', name: 'Empty states', description: 'What a list shows when there is nothing in it yet: an illustration, one sentence and a call to action.' },
];

const SETS: SetSpec[] = [
  {
    id: 'c-button',
    name: 'Button',
    page: 'p-components',
    description: 'The main call to action. One primary button per view; secondary for alternatives; ghost inside toolbars; danger only for destructive actions such as deleting a project.',
    definitions: { 'Variant#1:0': { type: 'VARIANT', options: ['Primary', 'Secondary', 'Ghost', 'Danger'], default: 'Primary' }, 'Size#1:1': { type: 'VARIANT', options: ['Small', 'Medium', 'Large'], default: 'Medium' }, 'Label#1:2': { type: 'TEXT', default: 'Save changes' }, 'Leading icon#1:3': { type: 'BOOLEAN', default: false } },
    tokens: { fills: 'color/brand/primary', radius: 'radius/md', text: 'type/label/md' },
    variants: { primary: { Variant: 'Primary', Size: 'Medium' }, secondary: { Variant: 'Secondary', Size: 'Medium' }, ghost: { Variant: 'Ghost', Size: 'Medium' }, danger: { Variant: 'Danger', Size: 'Medium' }, 'primary-lg': { Variant: 'Primary', Size: 'Large' } },
  },
  {
    id: 'c-icon-button',
    name: 'Icon button',
    page: 'p-components',
    description: 'A square button that shows only an icon, for compact toolbars: close, more actions, edit. Always give it an accessible label.',
    definitions: { 'Icon#2:0': { type: 'INSTANCE_SWAP', default: 'icon/more' }, 'Size#2:1': { type: 'VARIANT', options: ['Small', 'Medium'], default: 'Medium' } },
    tokens: { radius: 'radius/sm', fills: 'color/neutral/100' },
  },
  {
    id: 'c-text-input',
    name: 'Text input',
    page: 'p-components',
    description: 'Single-line field for names, emails and search. Shows a label above, helper text below, and in the error state a red border with the validation message.',
    definitions: { 'State#3:0': { type: 'VARIANT', options: ['Default', 'Focused', 'Error', 'Disabled'], default: 'Default' }, 'Label#3:1': { type: 'TEXT', default: 'Email' }, 'Helper text#3:2': { type: 'TEXT', default: '' } },
    tokens: { stroke: 'color/neutral/300', 'stroke (error)': 'color/feedback/danger', radius: 'radius/sm' },
    variants: { error: { State: 'Error' }, focused: { State: 'Focused' } },
  },
  {
    id: 'c-select',
    name: 'Select',
    page: 'p-components',
    description: 'A dropdown that lets people pick one option from a list, such as the assignee or the status of a task.',
    definitions: { 'State#4:0': { type: 'VARIANT', options: ['Closed', 'Open'], default: 'Closed' }, 'Placeholder#4:1': { type: 'TEXT', default: 'Choose…' } },
    tokens: { stroke: 'color/neutral/300', shadow: 'elevation/2' },
  },
  {
    id: 'c-checkbox',
    name: 'Checkbox',
    page: 'p-components',
    description: 'For choosing several independent options, or agreeing to terms. The change applies when the form is submitted, unlike a switch.',
    definitions: { 'Checked#5:0': { type: 'VARIANT', options: ['Off', 'On', 'Indeterminate'], default: 'Off' } },
    tokens: { fills: 'color/brand/primary' },
  },
  {
    id: 'c-switch',
    name: 'Switch',
    page: 'p-components',
    description: 'A toggle for a setting that takes effect immediately, like enabling dark mode or email notifications.',
    definitions: { 'On#6:0': { type: 'VARIANT', options: ['Off', 'On'], default: 'Off' } },
    tokens: { 'track (on)': 'color/brand/primary', 'track (off)': 'color/neutral/300', motion: 'motion/duration/fast' },
  },
  {
    id: 'c-radio',
    name: 'Radio group',
    page: 'p-components',
    description: 'Pick exactly one of a few options that are all visible at once, for example monthly or yearly billing.',
    definitions: { 'Selected#7:0': { type: 'VARIANT', options: ['Off', 'On'], default: 'Off' } },
  },
  {
    id: 'c-date-picker',
    name: 'Date picker',
    page: 'p-components',
    description: 'Calendar popover to choose a due date or a date range for a report; typing a date in the field also works.',
    definitions: { 'Mode#8:0': { type: 'VARIANT', options: ['Single', 'Range'], default: 'Single' } },
    tokens: { shadow: 'elevation/3', radius: 'radius/md' },
  },
  {
    id: 'c-card',
    name: 'Card',
    page: 'p-components',
    description: 'A container that groups one project or one summary: title, a short body, optional footer actions. Slight shadow, rounded corners.',
    definitions: { 'Elevated#9:0': { type: 'VARIANT', options: ['Flat', 'Elevated'], default: 'Elevated' }, 'Has footer#9:1': { type: 'BOOLEAN', default: true } },
    tokens: { shadow: 'elevation/1', radius: 'radius/lg', padding: 'space/4' },
  },
  {
    id: 'c-table',
    name: 'Data table',
    page: 'p-components',
    description: 'Rows and columns of tasks with sortable headers, row selection and a sticky header; pairs with pagination below it.',
    definitions: { 'Density#10:0': { type: 'VARIANT', options: ['Comfortable', 'Compact'], default: 'Comfortable' } },
    tokens: { 'row divider': 'color/neutral/200' },
  },
  {
    id: 'c-avatar',
    name: 'Avatar',
    page: 'p-components',
    description: "A person's profile picture in a circle, or their initials when there is no photo. Stacks in groups on task cards.",
    definitions: { 'Size#11:0': { type: 'VARIANT', options: ['XS', 'S', 'M', 'L'], default: 'M' } },
  },
  {
    id: 'c-badge',
    name: 'Badge',
    page: 'p-components',
    description: 'A small pill with a number or a status word, like 3 unread or Overdue, next to a menu item or on a card.',
    definitions: { 'Tone#12:0': { type: 'VARIANT', options: ['Neutral', 'Info', 'Success', 'Warning', 'Danger'], default: 'Neutral' } },
    tokens: { radius: 'radius/full' },
  },
  {
    id: 'c-top-bar',
    name: 'Top bar',
    page: 'p-navigation',
    description: 'The header across the top of every screen: workspace switcher, global search, notifications bell and the account menu.',
    tokens: { fills: 'color/surface/raised', height: 'size/topbar' },
  },
  {
    id: 'c-sidebar',
    name: 'Sidebar',
    page: 'p-navigation',
    description: 'Vertical navigation on the left: projects, my tasks, inbox, reports. Collapses to icons on narrow windows.',
    definitions: { 'Collapsed#14:0': { type: 'VARIANT', options: ['Expanded', 'Collapsed'], default: 'Expanded' } },
  },
  {
    id: 'c-tabs',
    name: 'Tabs',
    page: 'p-navigation',
    description: 'Switch between views of the same project (board, list, timeline) without leaving the page. The active tab is underlined.',
  },
  {
    id: 'c-breadcrumbs',
    name: 'Breadcrumbs',
    page: 'p-navigation',
    description: 'The trail of parent locations, workspace › project › task, each a link back up the hierarchy.',
  },
  {
    id: 'c-pagination',
    name: 'Pagination',
    page: 'p-navigation',
    description: 'Previous and next controls with page numbers, for long lists and tables; shows how many results in total.',
  },
  {
    id: 'c-modal',
    name: 'Modal dialog',
    page: 'p-feedback',
    description: 'Overlay window that blocks the page until people answer: a title, a message, confirm and cancel buttons. Use it to confirm deleting or leaving with unsaved changes. Closes on Escape.',
    definitions: { 'Size#18:0': { type: 'VARIANT', options: ['Small', 'Medium', 'Large'], default: 'Medium' }, 'Destructive#18:1': { type: 'BOOLEAN', default: false } },
    tokens: { shadow: 'elevation/4', scrim: 'color/overlay/scrim', radius: 'radius/lg' },
  },
  {
    id: 'c-toast',
    name: 'Toast',
    page: 'p-feedback',
    description: 'Short message that slides in at the bottom corner after something happened, like Changes saved, and disappears after five seconds. May hold an undo action.',
    definitions: { 'Tone#19:0': { type: 'VARIANT', options: ['Neutral', 'Success', 'Error'], default: 'Neutral' } },
    tokens: { motion: 'motion/duration/medium', shadow: 'elevation/3' },
  },
  {
    id: 'c-alert',
    name: 'Alert banner',
    page: 'p-feedback',
    description: 'Inline banner at the top of a section that stays until dismissed: a warning about an expiring trial, an error that the sync failed.',
    definitions: { 'Tone#20:0': { type: 'VARIANT', options: ['Info', 'Success', 'Warning', 'Danger'], default: 'Info' } },
    tokens: { 'fills (danger)': 'color/feedback/danger', 'fills (warning)': 'color/feedback/warning' },
  },
  {
    id: 'c-tooltip',
    name: 'Tooltip',
    page: 'p-feedback',
    description: 'A small hint that appears when hovering or focusing an element, explaining what an icon does. Never put essential information only in a tooltip.',
  },
  {
    id: 'c-spinner',
    name: 'Spinner',
    page: 'p-feedback',
    description: 'A rotating circle shown while something loads and the wait is short or unknown.',
    tokens: { motion: 'motion/duration/slow' },
  },
  {
    id: 'c-progress',
    name: 'Progress bar',
    page: 'p-feedback',
    description: 'Horizontal bar that fills as an upload or an import advances; also the three-step indicator of onboarding.',
  },
  {
    id: 'c-empty-state',
    name: 'Empty state',
    page: 'p-empty',
    description: 'Illustration, one friendly sentence and a primary button, shown when a project has no tasks yet.',
  },
  { id: 'c-login-form', name: 'Sign in form', page: 'p-login', type: 'FRAME', description: 'Email field, password field, remember me, the Sign in button and Continue with Google.' },
  { id: 'c-project-card', name: 'Project card', page: 'p-dashboard', type: 'FRAME', description: 'Card with the project name, its avatar stack, a progress bar of tasks done and the due date.' },
  { id: 'c-payment-form', name: 'Card details form', page: 'p-checkout', type: 'FRAME', description: 'Card number, expiry and security code fields with the Pay button and the monthly total.' },
];

/** Components (sets, their variants, frames) and pages, rendered as the design index renders them. */
function designDocuments(): SampleItem[] {
  const pages = new Map(PAGES.map((p) => [p.id, { row: { id: p.id, fileKey: FILE, nodeId: nextNode(), name: p.name, data: { description: p.description, ...p.data } } as PageRow, components: [] as ComponentRow[] }]));
  const docs: SampleItem[] = [];
  for (const s of SETS) {
    const page = pages.get(s.page)!;
    const type = s.type ?? (s.variants ? 'COMPONENT_SET' : 'COMPONENT');
    const row: ComponentRow = {
      id: s.id,
      pageId: s.page,
      fileKey: FILE,
      nodeId: nextNode(),
      name: s.name,
      type,
      props: { description: s.description, ...(s.definitions ? { definitions: s.definitions } : {}), ...(s.tokens ? { tokens: s.tokens } : {}), key: `k${s.id}` },
    };
    page.components.push(row);
    docs.push(componentDocument(row, { pageName: page.row.name, setName: null }));
    for (const [suffix, variant] of Object.entries(s.variants ?? {})) {
      const v: ComponentRow = {
        id: `${s.id}-${suffix}`,
        pageId: s.page,
        fileKey: FILE,
        nodeId: nextNode(),
        name: Object.entries(variant).map(([k, val]) => `${k}=${val}`).join(', '),
        type: 'COMPONENT',
        props: { variant, set_id: row.nodeId },
      };
      page.components.push(v);
      docs.push(componentDocument(v, { pageName: page.row.name, setName: s.name }));
    }
  }
  for (const { row, components } of pages.values()) docs.push(pageDocument(row, components));
  return docs;
}

const md = (lines: string[]) => lines.join('\n');

const TOKENS: SampleItem[] = [
  ['t-color-primary', 'color/brand/primary', 'Tidewater blue, #1F6FEB. Primary buttons, links, the selected tab underline and focus rings. On dark surfaces use color/brand/primary-dark (#58A6FF). Never use it for text on blue backgrounds.'],
  ['t-color-danger', 'color/feedback/danger', 'Red #D1242F for errors and destructive actions: the danger button, the error state of inputs, failed sync banners. Pair it with an icon; color alone must not carry the meaning.'],
  ['t-color-warning', 'color/feedback/warning', 'Amber #BF8700 for warnings such as an expiring trial or a task close to its due date.'],
  ['t-color-success', 'color/feedback/success', 'Green #1A7F37 for confirmations: task completed, payment received, changes saved.'],
  ['t-color-neutral', 'color/neutral', 'The grey scale from 50 (page background) to 900 (body text). 300 for input borders, 200 for dividers between table rows.'],
  ['t-color-dark', 'color/theme/dark', 'Dark theme surfaces: background #0D1117, raised surfaces #161B22, text #E6EDF3. Every color token has a dark-mode value; components pick it up automatically.'],
  ['t-space', 'space', 'Spacing scale in multiples of 4 px: space/1 = 4, space/2 = 8, space/3 = 12, space/4 = 16, space/6 = 24, space/8 = 32. Padding inside cards is space/4; gaps between form fields space/3.'],
  ['t-radius', 'radius', 'Corner rounding: radius/sm 4 px for inputs, radius/md 6 px for buttons, radius/lg 12 px for cards and dialogs, radius/full for pills, badges and avatars.'],
  ['t-type', 'type', 'Typography: Inter for everything. Headings use weight 600 (type/heading/xl 32 px, lg 24, md 20); body 14 px at 1.5 line height; labels 13 px medium; code in JetBrains Mono.'],
  ['t-elevation', 'elevation', 'Shadows: elevation/1 for cards, /2 for dropdown menus, /3 for popovers and toasts, /4 for modal dialogs. Dark theme replaces shadows with lighter surfaces.'],
  ['t-motion', 'motion', 'Animation: motion/duration/fast 120 ms (switches, hovers), medium 200 ms (toasts, menus), slow 800 ms per spinner turn. Easing standard cubic-bezier(0.2, 0, 0, 1). Respect reduced motion.'],
].map(([id, title, text]) => ({ id: id!, source: 'token' as const, title: title!, text: `Design token ${title}. ${text}`, metadata: { kind: 'token' } }));

const FLOWS: SampleItem[] = [
  {
    id: 'f-signup',
    source: 'flow',
    title: 'Sign up and create a workspace',
    text: md(['# Sign up and create a workspace', '', '1. Landing page → Start free trial (primary button).', '2. Email and password, or Continue with Google.', '3. Verify the email: a six-digit code.', '4. Name the workspace, choose a plan (Free or Team trial).', '5. Onboarding: invite teammates, create the first project.']),
    metadata: { kind: 'flow' },
  },
  {
    id: 'f-password-reset',
    source: 'flow',
    title: 'Forgot password',
    text: md(['# Forgot password', '', '1. Sign in screen → Forgot password? link.', '2. Enter the account email; we always say a message was sent, so nobody learns which emails have accounts.', '3. The emailed link is valid for 30 minutes and opens the Set a new password form.', '4. After saving, every other session is signed out and a toast confirms it.']),
    metadata: { kind: 'flow' },
  },
  {
    id: 'f-invite',
    source: 'flow',
    title: 'Invite teammates',
    text: md(['# Invite teammates', '', 'From Settings › Members or the onboarding step: paste emails, pick a role (Admin, Member, Guest), send. Invites expire after 7 days; pending ones show a Pending badge and can be resent.']),
    metadata: { kind: 'flow' },
  },
  {
    id: 'f-delete-project',
    source: 'flow',
    title: 'Delete a project',
    text: md(['# Delete a project', '', 'Project menu › Delete opens a modal dialog with the danger button. People type the project name to confirm. The project goes to the trash for 30 days and can be restored; a toast offers Undo for 10 seconds.']),
    metadata: { kind: 'flow' },
  },
  {
    id: 'f-upgrade',
    source: 'flow',
    title: 'Upgrade to Team',
    text: md(['# Upgrade to Team', '', 'Trial banner or Settings › Billing → Upgrade. Choose monthly or yearly (radio group, yearly saves 20 %), enter card details, pay. The receipt is emailed; the workspace switches plan at once.']),
    metadata: { kind: 'flow' },
  },
];

const NOTES: SampleItem[] = [
  {
    id: 'd-brand-voice',
    source: 'doc',
    title: 'Voice and tone',
    text: md([
      '# Voice and tone',
      '',
      'Tidewater sounds like a calm, competent colleague: plain words, short sentences, no exclamation marks, no jokes when something went wrong.',
      '',
      '## Writing error messages',
      '',
      'Say what happened and what to do next, without blaming the person: "We could not save your changes. Check your connection and try again." Never show codes or stack traces.',
      '',
      '## Buttons and labels',
      '',
      'Buttons start with a verb and say what happens: Save changes, Invite people, Delete project. Avoid OK and Submit. Sentence case everywhere.',
    ]),
    metadata: { kind: 'brand' },
  },
  {
    id: 'd-logo',
    source: 'doc',
    title: 'Logo usage',
    text: md([
      '# Logo usage',
      '',
      'The wave mark with the wordmark to its right. Keep clear space equal to the height of the wave on every side. Minimum width 96 px on screens.',
      '',
      '## Backgrounds',
      '',
      'On light backgrounds use the blue logo; on dark or photographic backgrounds the all-white version. Never recolor, stretch, rotate or add shadows to the logo.',
    ]),
    metadata: { kind: 'brand' },
  },
  {
    id: 'd-accessibility',
    source: 'doc',
    title: 'Accessibility guidelines',
    text: md([
      '# Accessibility guidelines',
      '',
      'Text must reach a contrast ratio of 4.5:1 against its background (3:1 for large text and icons). Every interactive element is reachable by keyboard with a visible focus ring (color/brand/primary, 2 px).',
      '',
      'Icon-only buttons need an accessible name. Do not rely on color alone: errors carry an icon and a message. Animations honor the reduced motion setting. Touch targets are at least 44 by 44 px.',
    ]),
    metadata: { kind: 'guideline' },
  },
  {
    id: 'd-pricing',
    source: 'doc',
    title: 'Plans and pricing',
    text: md([
      '# Plans and pricing',
      '',
      'Free: up to 3 projects and 5 members. Team: $9 per member per month billed yearly ($11 monthly), unlimited projects, timeline view, guests. Enterprise: single sign-on with SAML, audit log, priority support; priced per contract.',
      '',
      'Trials last 14 days and need no card. Downgrading keeps the data but locks projects beyond the free limit.',
    ]),
    metadata: { kind: 'product' },
  },
  {
    id: 'd-release-notes',
    source: 'doc',
    title: 'Release notes 4.2',
    text: md([
      '# Release notes 4.2',
      '',
      'New: timeline view with dependencies between tasks; dark theme for everyone; keyboard shortcuts cheat sheet (press ?).',
      '',
      'Changed: the sidebar collapses on windows narrower than 1100 px; toasts moved to the bottom left corner.',
      '',
      'Fixed: the date picker skipped a day across the daylight saving change; CSV export lost accents in task names.',
    ]),
    metadata: { kind: 'product' },
  },
  {
    id: 'd-dark-mode',
    source: 'doc',
    title: 'Dark theme',
    text: md([
      '# Dark theme',
      '',
      'People turn it on in Settings with a switch, or follow the operating system. Designers build every screen once with tokens; the dark values of color/theme/dark are swapped in. Check contrast in both themes; illustrations get a dark variant.',
    ]),
    metadata: { kind: 'guideline' },
  },
  {
    id: 'd-forms',
    source: 'doc',
    title: 'Form guidelines',
    text: md([
      '# Form guidelines',
      '',
      'One column, labels above fields, optional fields marked (optional) rather than required ones starred. Validate when a field loses focus, not on every keystroke; show the message under the field in the danger color with an icon.',
      '',
      'Use a checkbox for choices that apply on submit and a switch for settings that apply immediately. Select for more than five options, radio group for fewer.',
    ]),
    metadata: { kind: 'guideline' },
  },
  {
    id: 'd-personas',
    source: 'doc',
    title: 'Who we design for',
    text: md([
      '# Who we design for',
      '',
      'Team leads at agencies of 10 to 50 people who plan client work weekly, and the designers and developers on their teams who update tasks many times a day, mostly on laptops, sometimes on phones between meetings.',
    ]),
    metadata: { kind: 'product' },
  },
  {
    id: 'd-notifications',
    source: 'doc',
    title: 'Notification rules',
    text: md([
      '# Notification rules',
      '',
      'Mentions and assignments notify at once; due dates the morning before; everything else goes into the daily digest email. People choose per channel (email, push, in-app) in Settings › Notifications. The bell in the top bar shows unread in-app notifications as a badge.',
    ]),
    metadata: { kind: 'product' },
  },
  {
    id: 'd-icons',
    source: 'doc',
    title: 'Iconography',
    text: md([
      '# Iconography',
      '',
      'Outline icons on a 20 px grid with 1.5 px strokes, from our own set. Use the same icon for the same action everywhere: trash for delete, pencil for edit, three dots for more actions.',
    ]),
    metadata: { kind: 'guideline' },
  },
];

/** Every document of the sample project. */
export function sampleDocuments(): SampleItem[] {
  return [...designDocuments(), ...TOKENS, ...FLOWS, ...NOTES];
}

export interface LabelledQuery {
  q: string;
  /** external id → grade (2 the answer, 1 related); unlisted documents are 0. */
  labels: Record<string, 2 | 1>;
}

/** 38 queries: words of the design, then paraphrases, then questions about the notes. */
export const QUERIES: LabelledQuery[] = [
  { q: 'primary button', labels: { 'c-button-primary': 2, 'c-button': 2, 'c-button-primary-lg': 1, 't-color-primary': 1 } },
  { q: 'danger button for deleting', labels: { 'c-button-danger': 2, 'c-button': 1, 'f-delete-project': 1, 't-color-danger': 1 } },
  { q: 'modal dialog', labels: { 'c-modal': 2, 'f-delete-project': 1, 't-elevation': 1, 'p-feedback': 1 } },
  { q: 'text input error state', labels: { 'c-text-input-error': 2, 'c-text-input': 2, 't-color-danger': 1, 'd-forms': 1 } },
  { q: 'sidebar navigation', labels: { 'c-sidebar': 2, 'p-navigation': 1, 'd-release-notes': 1 } },
  { q: 'date picker', labels: { 'c-date-picker': 2, 'd-release-notes': 1 } },
  { q: 'toast notification', labels: { 'c-toast': 2, 'd-notifications': 1, 't-motion': 1, 'p-feedback': 1 } },
  { q: 'pagination', labels: { 'c-pagination': 2, 'c-table': 1, 'p-navigation': 1 } },
  { q: 'badge', labels: { 'c-badge': 2, 'd-notifications': 1 } },
  { q: 'spacing scale tokens', labels: { 't-space': 2 } },
  { q: 'border radius', labels: { 't-radius': 2, 'c-card': 1, 'c-button': 1 } },
  { q: 'checkout page', labels: { 'p-checkout': 2, 'c-payment-form': 2, 'f-upgrade': 1 } },
  { q: 'popup that asks people to confirm before something is removed', labels: { 'c-modal': 2, 'f-delete-project': 2, 'c-button-danger': 1 } },
  { q: 'short message that appears after saving and then goes away', labels: { 'c-toast': 2, 't-color-success': 1 } },
  { q: 'which blue is our brand colour', labels: { 't-color-primary': 2, 'd-logo': 1 } },
  { q: 'how rounded should corners be', labels: { 't-radius': 2 } },
  { q: 'what font do headings use', labels: { 't-type': 2 } },
  { q: 'menu across the top of every screen', labels: { 'c-top-bar': 2, 'p-navigation': 1 } },
  { q: 'small picture of a user', labels: { 'c-avatar': 2 } },
  { q: 'loading indicator', labels: { 'c-spinner': 2, 'c-progress': 1, 'p-feedback': 1 } },
  { q: 'choose one option from a list', labels: { 'c-select': 2, 'c-radio': 2, 'd-forms': 1 } },
  { q: 'toggle for turning on night mode', labels: { 'c-switch': 2, 'd-dark-mode': 2, 'p-settings': 1, 't-color-dark': 1 } },
  { q: 'hint shown when hovering over an icon', labels: { 'c-tooltip': 2, 'c-icon-button': 1, 'p-feedback': 1 } },
  { q: 'grid of rows and columns with sorting', labels: { 'c-table': 2, 'c-pagination': 1 } },
  { q: 'shadow for cards', labels: { 't-elevation': 2, 'c-card': 2 } },
  { q: 'how long should animations take', labels: { 't-motion': 2 } },
  { q: 'where am I trail of links back to the project', labels: { 'c-breadcrumbs': 2, 'p-navigation': 1 } },
  { q: 'screen shown when a list has nothing in it', labels: { 'c-empty-state': 2, 'p-empty': 2 } },
  { q: 'how do people get back into their account if they lost the password', labels: { 'f-password-reset': 2, 'p-login': 1 } },
  { q: 'steps for a new team after they register', labels: { 'p-onboarding': 2, 'f-signup': 2, 'f-invite': 1 } },
  { q: 'tone of voice for error messages', labels: { 'd-brand-voice': 2, 'd-forms': 1 } },
  { q: 'can the logo go on a dark photo', labels: { 'd-logo': 2 } },
  { q: 'minimum contrast ratio for text', labels: { 'd-accessibility': 2 } },
  { q: 'how much does the team plan cost per month', labels: { 'd-pricing': 2, 'f-upgrade': 1 } },
  { q: 'what changed in the latest version', labels: { 'd-release-notes': 2 } },
  { q: 'when do we send email about due dates', labels: { 'd-notifications': 2, 'p-settings': 1 } },
  { q: 'checkbox or switch which one to use', labels: { 'd-forms': 2, 'c-checkbox': 1, 'c-switch': 1 } },
  { q: 'who are our users', labels: { 'd-personas': 2 } },
];
