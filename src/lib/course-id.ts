// Which course a hand-in file is for. Until the course file (content/course.yaml, issue 13) gives the course an
// id and its classes, the id is the package's name: one place for both the build and the scripts to read it.
import packageJson from '../../package.json' with { type: 'json' };

export const COURSE_ID: string = packageJson.name;
