/* The custom functions bundle (dist/functions.js). In Excel the shared runtime provides the
 * CustomFunctions global; opened in a plain browser (the taskpane preview) there is none, and the
 * generated CustomFunctions.associate() calls must not stop the page. */
import "./runtimeGuard";
import "./hedgeRatio";
import "./effectiveness";
import "./sizing";
import "./options";
