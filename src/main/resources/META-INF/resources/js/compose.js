// Writing help of the comment forms: the characters left, counting down to the limit, and "Vorschau" shown in place,
// rendered by the server's comment renderer (POST /api/markdown/preview), so the preview is what the thread will
// show. Without this script the preview button sends the form with "preview", and the page comes back with it.

const HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

function fill(text, value) {
  return text.replace('%1', value);
}

function setUp(form) {
  const field = form.querySelector('textarea[name="body"]');
  const counter = document.getElementById(`${form.id}-counter`);
  const preview = document.getElementById(`${form.id}-preview`);
  const button = form.querySelector('button[name="preview"]');
  if (!field || !counter || !preview || !button) {
    return;
  }
  const max = Number(counter.dataset.max);
  const count = () => {
    const left = max - field.value.replace(/\r\n/g, '\n').trim().length;
    counter.textContent = left >= 0 ? fill(counter.dataset.text, left.toLocaleString(document.documentElement.lang))
      : fill(counter.dataset.over, (-left).toLocaleString(document.documentElement.lang));
    counter.classList.toggle('is-over', left < 0);
    counter.hidden = false;
  };
  field.addEventListener('input', () => {
    count();
    preview.hidden = true;
  });
  field.addEventListener('focus', count);
  count();
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    const body = preview.querySelector('.preview-body');
    try {
      const response = await fetch('/api/markdown/preview', {
        method: 'POST', headers: HEADERS, body: JSON.stringify({ body: field.value }),
      });
      const answer = await response.json();
      if (response.ok) {
        body.innerHTML = answer.html;
      } else {
        body.textContent = answer.detail || preview.dataset.error;
      }
    } catch (e) {
      body.textContent = preview.dataset.error;
    }
    preview.hidden = false;
    preview.focus();
  });
}

document.querySelectorAll('form[data-write-form]').forEach(setUp);
