// Whether the lab can still be reached (the browser shell may be stopped under the page).
class Connection {
  lost = $state<string | null>(null);
}

export const connection = new Connection();
