// The sample Storybook build's stories (what Storybook's iframe.html does): render the story named by ?id= into
// #storybook-root, then mark the body rendered. ProductCard's Default story has a deliberate bug — its price is a
// string — so a browser session shows a story that throws with its console error.
(function () {
  var root = document.getElementById('storybook-root');
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function button(variant, size, label) {
    return el('button', 'btn ' + variant + (size === 'sm' ? ' sm' : ''), label || 'Button');
  }
  function productCard(props) {
    var card = el('div', 'card');
    card.appendChild(el('h3', '', props.title));
    // the bug: price arrives as a string from the story's args
    card.appendChild(el('p', '', '€' + props.price.toFixed(2)));
    if (props.showBadge) card.appendChild(el('span', 'badge', 'New'));
    return card;
  }
  var stories = {
    'components-button--primary': function () { return button('primary', 'md'); },
    'components-button--secondary': function () { return button('secondary', 'md'); },
    'components-button--small': function () { return button('primary', 'sm'); },
    'components-button--ghost': function () { return button('ghost', 'md'); },
    'components-badge--default': function () { return el('span', 'badge', 'Sale'); },
    'components-productcard--default': function () { return productCard({ title: 'Product name', price: '19.90', showBadge: true }); },
  };
  var id = new URLSearchParams(location.search).get('id');
  var story = stories[id];
  if (!story) {
    console.error('Story not found: ' + id);
    root.appendChild(el('div', 'error', 'Story "' + id + '" not found'));
    document.body.dataset.storyRendered = 'error';
    return;
  }
  try {
    root.appendChild(story());
    document.body.dataset.storyRendered = '1';
  } catch (err) {
    root.appendChild(el('div', 'error', String(err)));
    document.body.dataset.storyRendered = 'error';
    // as Storybook does: the error reaches the page, uncaught
    setTimeout(function () { throw err; });
  }
})();
