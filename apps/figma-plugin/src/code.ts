// The plugin's main thread (Figma's sandbox): shows the UI and answers its messages (lib/main-handler.ts).
import { createMainHandler } from './lib/main-handler';

figma.showUI(__html__, { width: 420, height: 640, themeColors: true });
figma.ui.onmessage = createMainHandler(figma);
