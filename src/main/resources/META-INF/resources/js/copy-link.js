// Copy buttons for links to hand on (invitation and reset links). Without JavaScript the link stays in its read-only
// field, where it can be selected and copied by hand; this script shows the button and copies with one tap.
document.querySelectorAll('button[data-copy]').forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  if (!field) {
    return;
  }
  const label = button.textContent;
  button.hidden = false;
  field.addEventListener('focus', () => field.select());
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (e) {
      // Older browsers, or pages not served over HTTPS: the selected text can still be copied with the keyboard.
      document.execCommand('copy');
    }
    button.textContent = button.dataset.copied;
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});
