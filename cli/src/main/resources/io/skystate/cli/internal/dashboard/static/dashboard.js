// Draws the workflow diagrams (<pre class="mermaid">) with the vendored Mermaid build; strict security keeps
// labels from running scripts. Nothing else runs in the page: it is server-rendered.
/* global mermaid */
if (window.mermaid) {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  mermaid.run({ querySelector: 'pre.mermaid' }).then(() => document.body.classList.add('diagrams-drawn'));
}
