// The draftdec extension: starts `draftdec lsp` for .draft files. Every
// feature (diagnostics, hover, definition, references, rename, completion,
// outline, folding, formatting, quick fixes) is the server's; this file
// only connects VS Code to it.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const config = vscode.workspace.getConfiguration('draftdec');
    const command = config.get('path') || 'draftdec';
    const docsUrl = config.get('docsUrl');
    client = new LanguageClient(
        'draftdec',
        'draftdec',
        { command, args: ['lsp'] },
        {
            documentSelector: [{ language: 'draft' }],
            initializationOptions: docsUrl ? { docsUrl } : {},
        },
    );
    context.subscriptions.push(client);
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
