// The "Storefront" page of the sample file: Home, Product and Checkout mobile screens built from auto-layout
// frames, texts, shapes and instances of the components page, with the usual leftovers of a real file:
// hidden layers and auto-named "Frame 12" / "Rectangle 3" nodes.
import type { CanvasNode, FrameNode, InstanceNode, SubcanvasNode, TextNode } from '@figma/rest-api-spec';
import { canvas, ellipse, frame, idSequence, instance, rectangle, text } from './node-builders';
import { alias, dropShadow, solid, typeStyle } from './paints';
import { BUTTON_PROPS, CARD_PROPS } from './sample-components';
import type { StorefrontComponents } from './sample-components';
import { STYLES } from './sample-styles';
import { VARS } from './sample-variables';

type Ids = () => string;

const SCREEN = { w: 390, h: 844 } as const;

function label(ids: Ids, name: string, characters: string, size: number, weight = 400, w = 342): TextNode {
  const lineHeight = Math.round(size * 1.35);
  const lines = Math.max(1, Math.ceil((characters.length * size * 0.5) / w));
  return text({
    id: ids(), name, w, h: lineHeight * lines, characters,
    style: typeStyle(size, weight, lineHeight),
    fills: [solid(weight >= 600 ? '#14161a' : '#5b6170', weight >= 600 ? VARS.textPrimary : VARS.textMuted)],
    styles: { text: size >= 20 ? STYLES.heading : size <= 12 ? STYLES.caption : STYLES.body },
  });
}

// Nested stacks sit inside 24px side padding, hence the 342 default for inner ones.
function stack(
  ids: Ids,
  name: string,
  direction: 'HORIZONTAL' | 'VERTICAL',
  children: SubcanvasNode[],
  extra: Partial<FrameNode> = {},
  w: number = SCREEN.w,
): FrameNode {
  return frame({
    id: ids(), name, w, h: 0, children,
    layoutMode: direction, primaryAxisSizingMode: direction === 'VERTICAL' ? 'AUTO' : 'FIXED',
    counterAxisSizingMode: direction === 'VERTICAL' ? 'FIXED' : 'AUTO',
    itemSpacing: 16, paddingLeft: 24, paddingRight: 24, paddingTop: 16, paddingBottom: 16, clipsContent: false,
    boundVariables: { itemSpacing: alias(VARS.spaceMd), paddingLeft: alias(VARS.spaceLg), paddingRight: alias(VARS.spaceLg) },
    ...extra,
  });
}

function button(c: StorefrontComponents, ids: Ids, labelText: string, variant: 'Primary' | 'Secondary', showIcon = false): InstanceNode {
  const main = variant === 'Primary' ? c.buttons.primary : c.buttons.secondary;
  const id = ids();
  const node = instance(main, {
    id, name: 'Button', texts: { Label: labelText },
    componentProperties: {
      Variant: { type: 'VARIANT', value: variant },
      Size: { type: 'VARIANT', value: 'Medium' },
      [BUTTON_PROPS.label]: { type: 'TEXT', value: labelText },
      [BUTTON_PROPS.showIcon]: { type: 'BOOLEAN', value: showIcon },
    },
  });
  const icon = node.children[0];
  if (showIcon && icon !== undefined) {
    // Turning the boolean property on shows the icon layer; Figma records it as a visibility override.
    node.children[0] = { ...icon, visible: true };
    node.overrides.push({ id: icon.id, overriddenFields: ['visible'] });
  }
  return node;
}

function productCard(c: StorefrontComponents, ids: Ids, title: string, price: string, showBadge: boolean): InstanceNode {
  return instance(c.productCard, {
    id: ids(), texts: { Title: title, Price: price },
    componentProperties: {
      [CARD_PROPS.title]: { type: 'TEXT', value: title },
      [CARD_PROPS.price]: { type: 'TEXT', value: price },
      [CARD_PROPS.showBadge]: { type: 'BOOLEAN', value: showBadge },
    },
  });
}

function screen(ids: Ids, name: string, x: number, children: SubcanvasNode[]): FrameNode {
  return frame({
    id: ids(), name, w: SCREEN.w, h: SCREEN.h, x, y: 0, children,
    layoutMode: 'VERTICAL', primaryAxisSizingMode: 'FIXED', counterAxisSizingMode: 'FIXED', itemSpacing: 0,
    fills: [solid('#ffffff', VARS.surface)], styles: { fill: STYLES.surfaceFill },
    boundVariables: { fills: [alias(VARS.surface)] },
  });
}

function home(c: StorefrontComponents, ids: Ids): FrameNode {
  return screen(ids, 'Home', 0, [
    stack(ids, 'Nav', 'HORIZONTAL', [label(ids, 'Logo', 'COGO Store', 20, 700, 120), instance(c.cartIcon, { id: ids(), name: 'Cart' })], {
      primaryAxisAlignItems: 'SPACE_BETWEEN', counterAxisAlignItems: 'CENTER',
    }),
    stack(ids, 'Hero', 'VERTICAL', [
      label(ids, 'Headline', 'Summer collection', 28, 700),
      label(ids, 'Subtitle', 'Light layers for long evenings, made to last.', 15),
      button(c, ids, 'Shop now', 'Secondary'),
    ], { fills: [solid('#2f5bea', VARS.brandPrimary)], paddingTop: 32, paddingBottom: 32, cornerRadius: 0 }),
    stack(ids, 'Frame 12', 'HORIZONTAL', [
      productCard(c, ids, 'Linen shirt', '€49.00', true),
      productCard(c, ids, 'Canvas tote', '€19.00', false),
      productCard(c, ids, 'Straw hat', '€29.00', false),
      productCard(c, ids, 'Sandals', '€59.00', true),
    ], { layoutWrap: 'WRAP', counterAxisSpacing: 16, counterAxisSizingMode: 'FIXED', size: { x: SCREEN.w, y: 620 } }),
    stack(ids, 'Promo banner', 'HORIZONTAL', [label(ids, 'Promo', 'Free shipping over €50', 13, 500)], { visible: false }),
    rectangle({ id: ids(), name: 'Rectangle 3', w: SCREEN.w, h: 1, fills: [solid('#dfe2e8', VARS.border)] }),
    stack(ids, 'Tab bar', 'HORIZONTAL', ['Home', 'Search', 'Bag', 'Profile'].map((tab) =>
      frame({
        id: ids(), name: tab, w: 72, h: 48, layoutMode: 'VERTICAL', counterAxisAlignItems: 'CENTER', itemSpacing: 4,
        children: [ellipse({ id: ids(), name: 'Ellipse 1', w: 20, h: 20, strokes: [solid('#5b6170')], strokeWeight: 1.5 }), label(ids, 'Label', tab, 11, 500, 72)],
      }),
    ), { primaryAxisAlignItems: 'SPACE_BETWEEN', effects: [dropShadow(-1, 0, 0.08)] }),
  ]);
}

function product(c: StorefrontComponents, ids: Ids): FrameNode {
  const swatch = (hex: string, selected: boolean) =>
    ellipse({ id: ids(), name: 'Swatch', w: 28, h: 28, fills: [solid(hex)], strokes: selected ? [solid('#14161a', VARS.textPrimary)] : [], strokeWeight: 2, strokeAlign: 'OUTSIDE' });
  return screen(ids, 'Product', 450, [
    rectangle({ id: ids(), name: 'Hero image', w: SCREEN.w, h: 390, fills: [solid('#d9dce3')] }),
    stack(ids, 'Details', 'VERTICAL', [
      instance(c.badge, { id: ids(), texts: { Text: 'Bestseller' } }),
      label(ids, 'Title', 'Linen shirt', 24, 700),
      label(ids, 'Price', '€49.00', 18, 600),
      label(ids, 'Description', 'Relaxed fit in washed European linen. Breathable, softens with every wash, and pairs with everything in the summer edit.', 14),
      stack(ids, 'Swatches', 'HORIZONTAL', [swatch('#e9e4d8', true), swatch('#3b4a6b', false), swatch('#a84f3c', false), swatch('#1f2a22', false)], {
        itemSpacing: 12, paddingLeft: 0, paddingRight: 0,
      }, 342),
      rectangle({ id: ids(), name: 'Rectangle 7', w: 342, h: 1, visible: false, fills: [solid('#dfe2e8')] }),
      button(c, ids, 'Add to cart', 'Primary', true),
    ]),
  ]);
}

function checkout(c: StorefrontComponents, ids: Ids): FrameNode {
  const field = (name: string, placeholder: string) =>
    stack(ids, 'Field', 'VERTICAL', [
      label(ids, 'Label', name, 13, 500),
      frame({
        id: ids(), name: 'Input', w: 342, h: 48, layoutMode: 'HORIZONTAL', counterAxisAlignItems: 'CENTER', paddingLeft: 12,
        cornerRadius: 8, fills: [solid('#ffffff', VARS.surface)], strokes: [solid('#dfe2e8', VARS.border)],
        children: [label(ids, 'Placeholder', placeholder, 15, 400, 300)],
      }),
    ], { itemSpacing: 6, paddingTop: 0, paddingBottom: 0, paddingLeft: 0, paddingRight: 0 }, 342);
  const row = (left: string, right: string, strong = false) =>
    stack(ids, 'Row', 'HORIZONTAL', [label(ids, 'Key', left, 15, strong ? 700 : 400, 200), label(ids, 'Value', right, 15, strong ? 700 : 400, 80)], {
      primaryAxisAlignItems: 'SPACE_BETWEEN', paddingTop: 4, paddingBottom: 4, paddingLeft: 0, paddingRight: 0,
    }, 342);
  return screen(ids, 'Checkout', 900, [
    stack(ids, 'Header', 'HORIZONTAL', [label(ids, 'Title', 'Checkout', 22, 700)]),
    stack(ids, 'Form', 'VERTICAL', [field('Email', 'you@example.com'), field('Address', 'Street and number'), field('Card', '1234 5678 9012 3456')]),
    stack(ids, 'Summary', 'VERTICAL', [
      row('Subtotal', '€78.00'),
      row('Shipping', '€6.00'),
      rectangle({ id: ids(), name: 'Divider', w: 342, h: 1, fills: [solid('#dfe2e8', VARS.border)] }),
      row('Total', '€84.00', true),
    ], { itemSpacing: 8, fills: [solid('#f4f5f8', VARS.surfaceRaised)], cornerRadius: 12 }),
    stack(ids, 'Actions', 'VERTICAL', [button(c, ids, 'Pay €84.00', 'Primary')]),
    stack(ids, 'Error toast', 'HORIZONTAL', [label(ids, 'Message', 'Payment declined. Try another card.', 14, 500)], {
      visible: false, layoutPositioning: 'ABSOLUTE', fills: [solid('#fde8e8')],
    }),
  ]);
}

/** Builds the screens page (ids 20:n). */
export function storefrontScreens(c: StorefrontComponents): CanvasNode {
  const ids = idSequence(20);
  return canvas('0:1', 'Storefront', [home(c, ids), product(c, ids), checkout(c, ids)]);
}

/** Builds the "Archive" page (ids 30:n): an abandoned version and loose, auto-named scraps, mostly hidden. */
export function storefrontArchive(c: StorefrontComponents): CanvasNode {
  const ids = idSequence(30);
  const old = frame({
    id: ids(), name: 'Home v1', w: SCREEN.w, h: SCREEN.h, x: 0, y: 0, visible: false, fills: [solid('#ffffff')],
    children: [label(ids, 'Headline', 'Spring collection', 28, 700), productCard(c, ids, 'Wool scarf', '€35.00', false)],
  });
  const scraps = frame({
    id: ids(), name: 'Frame 27', w: 300, h: 200, x: 450, y: 0,
    children: [
      rectangle({ id: ids(), name: 'Rectangle 9', w: 120, h: 80, x: 10, y: 10, cornerRadius: 6, fills: [solid('#d9dce3')] }),
      ellipse({ id: ids(), name: 'Ellipse 2', w: 40, h: 40, x: 150, y: 20, fills: [solid('#2f5bea')], visible: false }),
      label(ids, 'Text', 'Lorem ipsum', 14, 400, 120),
    ],
  });
  return canvas('1:3', 'Archive', [old, scraps]);
}
