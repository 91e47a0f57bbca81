/**
 * Two places where happy-dom differs from the browsers' DOM in a way DOMPurify depends on: it reads
 * `nodeName` through `Node.prototype`'s getter (which happy-dom answers with '' and overrides per
 * subclass), and it removes nodes while a NodeIterator walks them (which happy-dom's iterator does
 * not follow). Without these, DOMPurify in a test would drop every element, or miss some: this makes
 * the options page's preview tests run the real sanitizer. Must be imported before `dompurify`.
 */
const baseNodeName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node) {
    for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
      const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
      if (getter) return getter.call(this);
    }
    return baseNodeName?.get?.call(this);
  },
});

/** The node after `node` in document order, within `root`. */
function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/** The node before `node` in document order, within `root`. */
function preceding(node: Node, root: Node): Node | null {
  if (node === root) return null;
  let previous = node.previousSibling;
  if (!previous) return node.parentNode;
  while (previous.lastChild) previous = previous.lastChild;
  return previous;
}

/**
 * The prototype that gives `document` its `createNodeIterator`: happy-dom's global `Document` is
 * another class than the one in its documents' prototype chain, so patching `Document.prototype`
 * would change nothing DOMPurify calls.
 */
function ownerOf(object: object, property: string): object {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, property)) return proto;
  }
  throw new Error(`nothing in the prototype chain defines ${property}`);
}

/**
 * A NodeIterator that, as the DOM standard requires, goes on from where a removed node was: it
 * remembers the node before the one it returned, and continues after that one when it is gone.
 */
(ownerOf(document, 'createNodeIterator') as Document).createNodeIterator = function createNodeIterator(
  root: Node,
  whatToShow = 0xffffffff,
  filter: NodeFilter | null = null,
): NodeIterator {
  let reference: Node | null = null;
  let before: Node | null = null;
  const shown = (node: Node) => {
    if (!(whatToShow & (1 << (node.nodeType - 1)))) return false;
    if (!filter) return true;
    const verdict = typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  };
  const iterator = {
    root,
    whatToShow,
    filter,
    get referenceNode() {
      return reference ?? root;
    },
    pointerBeforeReferenceNode: false,
    nextNode() {
      let next: Node | null;
      if (!reference) next = root;
      else if (reference === root || root.contains(reference)) next = following(reference, root);
      else next = before ? following(before, root) : null;
      while (next && !shown(next)) next = following(next, root);
      if (next) {
        before = preceding(next, root);
        reference = next;
      }
      return next;
    },
    previousNode(): Node | null {
      throw new Error('previousNode is not needed by the tests');
    },
    detach() {},
  };
  return iterator as NodeIterator; // the fields NodeIterator declares, implemented above
};
