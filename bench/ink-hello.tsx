/** The baseline for start-up: a bare Ink process that prints "hello" and exits. */
import { renderToString, Text } from 'ink';

process.stdout.write(`${renderToString(<Text>hello</Text>)}\n`);
