// Entry point: build the services, then mount the app.
import './styles.css';
import { createBrowserServices } from './app/services';
import { startApp } from './ui/app';
import { strings } from './ui/strings';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element.');

createBrowserServices().then(
  (services) => startApp(root, services),
  (error: unknown) => {
    console.error('StudyRooms: could not start', error);
    root.textContent = strings.startFailed;
  },
);
