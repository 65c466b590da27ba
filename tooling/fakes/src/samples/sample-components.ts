// The "Components" page of the sample file: a Button component set with variants, a cart icon (a GROUP of
// VECTORs), a badge and a product card that nests instances of the others, plus the file's component maps.
import type { CanvasNode, Component, ComponentNode, ComponentSet, ComponentSetNode } from '@figma/rest-api-spec';
import { applyLayout } from './layout';
import { canvas, component, componentSet, ellipse, group, idSequence, instance, rectangle, text, vector } from './node-builders';
import { alias, dropShadow, solid, typeStyle } from './paints';
import { STYLES } from './sample-styles';
import { stableKey, VARS } from './sample-variables';

export interface StorefrontComponents {
  page: CanvasNode;
  buttons: { primary: ComponentNode; secondary: ComponentNode; primarySmall: ComponentNode; set: ComponentSetNode };
  cartIcon: ComponentNode;
  badge: ComponentNode;
  productCard: ComponentNode;
  components: Record<string, Component>;
  componentSets: Record<string, ComponentSet>;
}

/** Component property keys (name#id, as Figma suffixes them) of the Button set and the Product Card. */
export const BUTTON_PROPS = { label: 'Label#10:0', showIcon: 'Show icon#10:1' } as const;
export const CARD_PROPS = { title: 'Title#12:0', price: 'Price#12:1', showBadge: 'Show badge#12:2' } as const;

// Descriptions live in the file-level maps, not on the nodes.
const DESCRIPTIONS: Record<string, string> = {
  'Icon/Cart': 'Shopping cart, 24px outline',
  'Product Card': 'Product tile used in grids and carousels',
  Badge: 'Small status label',
};

const stroke = (hex: string, variableId?: string) => ({ strokes: [solid(hex, variableId)], strokeWeight: 2 });

/** Builds the components page; ids are stable across calls. */
export function storefrontComponents(): StorefrontComponents {
  const id = idSequence(10);

  const cartIcon = component({
    id: id(), name: 'Icon/Cart', w: 24, h: 24, x: 0, y: 0,
    children: [
      group({
        id: id(), name: 'cart', w: 20, h: 20, x: 2, y: 2,
        children: [
          vector({ id: id(), name: 'Vector', w: 18, h: 12, x: 1, y: 2, ...stroke('#14161a', VARS.textPrimary), strokeJoin: 'ROUND' }),
          vector({ id: id(), name: 'Vector', w: 3, h: 3, x: 5, y: 16, ...stroke('#14161a', VARS.textPrimary) }),
          vector({ id: id(), name: 'Vector', w: 3, h: 3, x: 13, y: 16, ...stroke('#14161a', VARS.textPrimary) }),
        ],
      }),
    ],
  });

  const buttonVariant = (variant: 'Primary' | 'Secondary', size: 'Medium' | 'Small', x: number): ComponentNode => {
    const small = size === 'Small';
    const fill = variant === 'Primary' ? solid('#2f5bea', VARS.brandPrimary) : solid('#ffffff', VARS.surface);
    const node = component({
      id: id(), name: `Variant=${variant}, Size=${size}`, w: 0, h: 0, x, y: 20,
      layoutMode: 'HORIZONTAL', primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'AUTO',
      primaryAxisAlignItems: 'CENTER', counterAxisAlignItems: 'CENTER', itemSpacing: 8,
      paddingLeft: small ? 12 : 20, paddingRight: small ? 12 : 20, paddingTop: small ? 6 : 12, paddingBottom: small ? 6 : 12,
      cornerRadius: 12, fills: [fill], styles: variant === 'Primary' ? { fill: STYLES.brandFill } : {},
      ...(variant === 'Secondary' ? stroke('#dfe2e8', VARS.border) : {}),
      boundVariables: {
        fills: [alias(variant === 'Primary' ? VARS.brandPrimary : VARS.surface)],
        topLeftRadius: alias(VARS.radiusMd), topRightRadius: alias(VARS.radiusMd),
        bottomLeftRadius: alias(VARS.radiusMd), bottomRightRadius: alias(VARS.radiusMd),
        itemSpacing: alias(VARS.spaceSm),
      },
      children: [
        instance(cartIcon, { id: id(), x: 0, y: 0, visible: false, componentPropertyReferences: { visible: BUTTON_PROPS.showIcon } }),
        text({
          id: id(), name: 'Label', w: small ? 52 : 64, h: small ? 16 : 20, characters: 'Button',
          style: typeStyle(small ? 13 : 15, 600, small ? 16 : 20, { textAutoResize: 'WIDTH_AND_HEIGHT' }),
          fills: [variant === 'Primary' ? solid('#ffffff') : solid('#14161a', VARS.textPrimary)],
          componentPropertyReferences: { characters: BUTTON_PROPS.label },
        }),
      ],
    });
    applyLayout(node);
    return node;
  };
  const primary = buttonVariant('Primary', 'Medium', 20);
  const secondary = buttonVariant('Secondary', 'Medium', 160);
  const primarySmall = buttonVariant('Primary', 'Small', 300);
  const set = componentSet({
    id: id(), name: 'Button', w: 420, h: 84, x: 80, y: 0,
    componentPropertyDefinitions: {
      Variant: { type: 'VARIANT', defaultValue: 'Primary', variantOptions: ['Primary', 'Secondary'] },
      Size: { type: 'VARIANT', defaultValue: 'Medium', variantOptions: ['Medium', 'Small'] },
      [BUTTON_PROPS.label]: { type: 'TEXT', defaultValue: 'Button' },
      [BUTTON_PROPS.showIcon]: { type: 'BOOLEAN', defaultValue: false },
    },
    children: [primary, secondary, primarySmall],
  });

  const badge = component({
    id: id(), name: 'Badge', w: 0, h: 0, x: 540, y: 0,
    layoutMode: 'HORIZONTAL', primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'AUTO',
    counterAxisAlignItems: 'CENTER', itemSpacing: 4, paddingLeft: 8, paddingRight: 8, paddingTop: 2, paddingBottom: 2,
    cornerRadius: 999, fills: [solid('#e8eeff')], boundVariables: { topLeftRadius: alias(VARS.radiusPill) },
    children: [
      ellipse({ id: id(), name: 'Dot', w: 6, h: 6, fills: [solid('#2f5bea', VARS.brandPrimary)] }),
      text({ id: id(), name: 'Text', w: 28, h: 16, characters: 'New', style: typeStyle(12, 500, 16), fills: [solid('#2f5bea', VARS.brandPrimary)], styles: { text: STYLES.caption } }),
    ],
  });
  applyLayout(badge);

  const productCard = component({
    id: id(), name: 'Product Card', w: 168, h: 0, x: 640, y: 0,
    layoutMode: 'VERTICAL', primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'FIXED', itemSpacing: 8,
    paddingBottom: 12, cornerRadius: 12, fills: [solid('#f4f5f8', VARS.surfaceRaised)],
    effects: [dropShadow(2, 8)], styles: { effect: STYLES.cardShadow },
    boundVariables: { fills: [alias(VARS.surfaceRaised)], topLeftRadius: alias(VARS.radiusMd), itemSpacing: alias(VARS.spaceSm) },
    componentPropertyDefinitions: {
      [CARD_PROPS.title]: { type: 'TEXT', defaultValue: 'Product name' },
      [CARD_PROPS.price]: { type: 'TEXT', defaultValue: '€0.00' },
      [CARD_PROPS.showBadge]: { type: 'BOOLEAN', defaultValue: true },
    },
    children: [
      rectangle({ id: id(), name: 'Image', w: 168, h: 168, fills: [solid('#d9dce3')], rectangleCornerRadii: [12, 12, 0, 0] }),
      text({ id: id(), name: 'Title', w: 144, h: 20, characters: 'Product name', style: typeStyle(15, 600, 20), fills: [solid('#14161a', VARS.textPrimary)], styles: { text: STYLES.body }, componentPropertyReferences: { characters: CARD_PROPS.title } }),
      text({ id: id(), name: 'Price', w: 144, h: 18, characters: '€0.00', style: typeStyle(14, 400, 18), fills: [solid('#5b6170', VARS.textMuted)], componentPropertyReferences: { characters: CARD_PROPS.price } }),
      instance(badge, { id: id(), componentPropertyReferences: { visible: CARD_PROPS.showBadge } }),
      instance(primarySmall, {
        id: id(),
        name: 'Add button',
        texts: { Label: 'Add' },
        componentProperties: {
          Variant: { type: 'VARIANT', value: 'Primary' },
          Size: { type: 'VARIANT', value: 'Small' },
          [BUTTON_PROPS.label]: { type: 'TEXT', value: 'Add' },
          [BUTTON_PROPS.showIcon]: { type: 'BOOLEAN', value: false },
        },
      }),
    ],
  });
  applyLayout(productCard);

  const mains = [cartIcon, primary, secondary, primarySmall, badge, productCard];
  const components: Record<string, Component> = {};
  for (const main of mains) {
    const inSet = set.children.includes(main);
    components[main.id] = {
      key: stableKey(`component:${main.id}`),
      name: main.name,
      description: DESCRIPTIONS[main.name] ?? '',
      ...(inSet ? { componentSetId: set.id } : {}),
      documentationLinks: [],
      remote: false,
    };
  }
  const componentSets: Record<string, ComponentSet> = {
    [set.id]: { key: stableKey(`set:${set.id}`), name: set.name, description: 'Primary and secondary actions', documentationLinks: [], remote: false },
  };
  const page = canvas('1:2', 'Components', [cartIcon, set, badge, productCard], '#e5e5e5');
  return { page, buttons: { primary, secondary, primarySmall, set }, cartIcon, badge, productCard, components, componentSets };
}
