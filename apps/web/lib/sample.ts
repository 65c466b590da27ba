// The sample file the dev stack's Figma fake serves (no Figma token needed).
export const SAMPLE_URL = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront';
