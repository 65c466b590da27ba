// The drift the sample Storybook (storybook.ts) has against the Figma fake's sample file, on purpose, one item per
// difference. Subjects are Figma property names, or the code prop's name for a code-only prop. Anything else a
// drift report finds on the sample is a false positive (handlers, className, children; equal defaults written
// differently, like Size "Medium" ↔ size "md").
import type { DriftKind } from '../types';

export interface ExpectedDrift {
  /** The registry key of the coded component. */
  component: string;
  kind: DriftKind;
  subject: string;
}

export const SAMPLE_EXPECTED_DRIFT: readonly ExpectedDrift[] = [
  // Button: code variant has "ghost", which Figma's Variant (Primary | Secondary) has not
  { component: 'Components/Button', kind: 'variant_values_differ', subject: 'Variant' },
  // Button: code size has "lg" (sm | md | lg ↔ Figma Small | Medium)
  { component: 'Components/Button', kind: 'variant_values_differ', subject: 'Size' },
  // Button: Figma's "Show icon" boolean has no code prop
  { component: 'Components/Button', kind: 'figma_prop_missing_in_code', subject: 'Show icon' },
  // Button: code `disabled` has no Figma property
  { component: 'Components/Button', kind: 'code_prop_missing_in_figma', subject: 'disabled' },
  // Badge: code `tone` enum has no Figma property (Figma's Badge has none)
  { component: 'Components/Badge', kind: 'code_prop_missing_in_figma', subject: 'tone' },
  // Product Card: "Show badge" defaults to true in Figma, `showBadge` to false in code
  { component: 'Components/ProductCard', kind: 'default_differs', subject: 'Show badge' },
];
