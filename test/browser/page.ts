// Bundled for the browser by the browser test, importing the package by name through its exports map.
import * as m from 'nlg-metrics';
import { runCases } from './cases.js';

(globalThis as unknown as { __results: unknown }).__results = runCases(m);
