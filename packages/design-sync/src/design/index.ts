// design (issue 15): the Figma side of a mapping, from the component rows figma-context stored.
export { designComponentsFromRows } from './rows';
