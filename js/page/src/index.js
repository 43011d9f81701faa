// Entry point: the page's styles (bundled into lk-page.css) and its script.
import "./page.css";
import "./page.js";
