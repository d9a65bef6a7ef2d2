/** Styles for the carets CollaborationCaret draws into the editor (plain DOM, not React). */
export const CARET_STYLES = `
.collaboration-carets__caret {
  border-left: 1px solid #0d0d0d;
  border-right: 1px solid #0d0d0d;
  margin-left: -1px;
  margin-right: -1px;
  pointer-events: none;
  position: relative;
  word-break: normal;
}
.collaboration-carets__label {
  border-radius: 3px 3px 3px 0;
  color: #fff;
  font-size: 11px;
  font-style: normal;
  font-weight: 600;
  left: -1px;
  line-height: normal;
  padding: 0.1rem 0.3rem;
  position: absolute;
  top: -1.4em;
  user-select: none;
  white-space: nowrap;
}
.ProseMirror table { border-collapse: collapse; }
.ProseMirror td, .ProseMirror th { border: 1px solid var(--color-border, #ddd); padding: 0.25rem 0.5rem; vertical-align: top; }
.ProseMirror td > p, .ProseMirror th > p { margin: 0; }
.ProseMirror ul[data-type="taskList"] { list-style: none; padding-left: 0.25rem; }
.ProseMirror ul[data-type="taskList"] li { display: flex; gap: 0.5rem; align-items: flex-start; }
.ProseMirror ul[data-type="taskList"] li > label { margin-top: 0.3rem; }
.ProseMirror img { max-width: 100%; }
.ProseMirror img.ProseMirror-selectednode { outline: 2px solid var(--color-primary, #2563eb); }
`;
