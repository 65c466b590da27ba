// The package's sample designs (written for this project; not real files), for the API's tests and the demo:
// a prototype with every action kind, sign-in and settings pages for BDD, and a component library with a registry.
export * from './actionflow-prototype';
export * from './bdd-pages';
export * from './symbols-components';
