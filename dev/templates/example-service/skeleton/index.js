const http = require('node:http');

const name = '${{ values.name }}';
const port = Number(process.env.PORT ?? 3000);

http
  .createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ service: name, status: 'ok' }));
  })
  .listen(port, () => process.stdout.write(`${name} on port ${port}\n`));
