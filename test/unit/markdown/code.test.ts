import { describe, expect, it } from 'vitest';
import { COPY_BUTTON, md } from './helpers';

describe('code blocks', () => {
  it('keeps the language of a highlighted Go block and drops the copy button', () => {
    const html =
      '<div class="highlight highlight-source-go notranslate position-relative overflow-auto" dir="auto"><pre>' +
      '<span class="pl-k">func</span> <span class="pl-en">main</span>() {\n\t<span class="pl-s1">fmt</span>.<span class="pl-en">Println</span>(<span class="pl-s">"hi"</span>)\n}</pre>' +
      `${COPY_BUTTON}</div>`;
    expect(md(html)).toBe('```go\nfunc main() {\n\tfmt.Println("hi")\n}\n```');
  });

  it('names the language after the grammar GitHub highlighted with', () => {
    const block = (scope: string) => md(`<div class="highlight highlight-${scope}"><pre>x</pre></div>`);
    expect(block('text-html-basic')).toBe('```html\nx\n```');
    expect(block('source-css-less')).toBe('```less\nx\n```');
    expect(block('source-c++')).toBe('```cpp\nx\n```');
    expect(block('source-shell')).toBe('```shell\nx\n```');
    // GitHub's markup before the `source-` scopes.
    expect(block('js')).toBe('```js\nx\n```');
  });

  it('prefers the language the author wrote when GitHub kept it in `lang`', () => {
    const html = '<div class="highlight highlight-source-shell"><pre lang="bash">ls</pre></div>';
    expect(md(html)).toBe('```bash\nls\n```');
  });

  it('writes an un-highlighted block as a fence without language', () => {
    const html =
      '<div class="snippet-clipboard-content notranslate position-relative overflow-auto"><pre class="notranslate"><code class="notranslate">plain text\n</code></pre>' +
      `${COPY_BUTTON}</div>`;
    expect(md(html)).toBe('```\nplain text\n```');
  });

  it('keeps `pre lang` of a language GitHub does not highlight', () => {
    const html = '<div class="snippet-clipboard-content notranslate"><pre lang="no-highlight" class="notranslate"><code>a\n</code></pre></div>';
    expect(md(html)).toBe('```no-highlight\na\n```');
  });

  it('reads `language-x` classes as cmark writes them', () => {
    expect(md('<pre><code class="language-rust">fn main() {}\n</code></pre>')).toBe('```rust\nfn main() {}\n```');
  });

  it('makes the fence longer than any backtick run in the code', () => {
    expect(md('<pre><code>```\ninner\n```\n</code></pre>')).toBe('````\n```\ninner\n```\n````');
    expect(md('<pre><code>a ````` b\n</code></pre>')).toBe('``````\na ````` b\n``````');
  });

  it('uses tildes when the language itself holds a backtick', () => {
    expect(md('<pre lang="a`b"><code>x\n</code></pre>')).toBe('~~~a`b\nx\n~~~');
  });

  it('keeps code whitespace exactly: indentation, blank lines, trailing spaces', () => {
    const code = '  indented\n\n\ttab\ntrailing   \n';
    expect(md(`<pre><code>${code}</code></pre>`)).toBe(`\`\`\`\n${code}\`\`\``);
  });

  it('writes an empty block as an empty fence', () => {
    expect(md('<pre><code></code></pre>')).toBe('```\n```');
    expect(md('<pre><code>\n</code></pre>')).toBe('```\n\n```');
  });

  it('does not escape Markdown characters inside code', () => {
    expect(md('<pre><code>*a* _b_ [c](d) # e\n</code></pre>')).toBe('```\n*a* _b_ [c](d) # e\n```');
  });

  it('indents a block inside a list item to the item', () => {
    const html = '<ol><li><p>Run:</p><div class="highlight highlight-source-shell"><pre>npm i\n\nnpm t</pre></div></li></ol>';
    expect(md(html)).toBe('1. Run:\n\n   ```shell\n   npm i\n\n   npm t\n   ```');
  });

  it('quotes every line of a block inside a quote', () => {
    expect(md('<blockquote><pre><code>a\n\nb\n</code></pre></blockquote>')).toBe('> ```\n> a\n>\n> b\n> ```');
  });
});

describe('code spans', () => {
  it('wraps code in backticks without escaping its content', () => {
    expect(md('<p>Use <code class="notranslate">snake_case *stars*</code> here</p>')).toBe('Use `snake_case *stars*` here');
  });

  it('uses more backticks than the code holds, padding when it starts or ends with one', () => {
    expect(md('<p><code>a`b</code></p>')).toBe('``a`b``');
    expect(md('<p><code>`</code></p>')).toBe('`` ` ``');
    expect(md('<p><code>```</code></p>')).toBe('` ``` `');
  });

  it('keeps spaces that CommonMark would strip by padding once more', () => {
    expect(md('<p><code> a </code></p>')).toBe('`  a  `');
    expect(md('<p><code> </code></p>')).toBe('` `');
  });

  it('escapes pipes in a code span inside a table cell', () => {
    const html = '<table><thead><tr><th>op</th></tr></thead><tbody><tr><td><code>a || b</code></td></tr></tbody></table>';
    expect(md(html)).toBe('| op |\n| --- |\n| `a \\|\\| b` |');
  });
});
