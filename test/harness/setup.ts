// n8n's logger prints every node error the tests provoke on purpose; the assertions read them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
